#include "methodologiesdialog.h"

#include "data/quarterlabel.h"
#include "data/textlimits.h"
#include "framework/fixedpoint.h"
#include "itemmodels/dateformat.h"
#include "store/methodologychange.h"
#include "store/methodologyregister.h"
#include "store/storeerror.h"
#include "store/workspace.h"

#include <QApplication>
#include <algorithm>
#include <QDate>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QGuiApplication>
#include <QScreen>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollBar>
#include <QTableWidget>
#include <QVBoxLayout>

namespace owb {

namespace {
QTableWidget *makeTable(const QString &name, const QStringList &headers, QWidget *parent)
{
    auto *table = new QTableWidget(0, int(headers.size()), parent);
    table->setHorizontalHeaderLabels(headers);
    table->setAccessibleName(name);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setStretchLastSection(true);
    return table;
}

void setRow(QTableWidget *table, int row, const QStringList &cells)
{
    for (int column = 0; column < cells.size(); ++column)
        table->setItem(row, column, new QTableWidgetItem(cells.at(column)));
}

QString segmentText(const std::optional<StoredAssessment> &a)
{
    if (!a)
        return MethodologiesDialog::tr("no case file yet");
    return a->result.segment > 0 ? QString::number(a->result.segment) : MethodologiesDialog::tr("not segmented");
}

QString averageText(const std::optional<StoredAssessment> &a)
{
    if (!a || a->result.average <= 0)
        return QString();
    return formatHundredths(a->result.average);
}

// A title as the dialogs show it: at most 80 characters, the rest elided, so
// that no title makes a dialog wider than the screen (the full title is in
// the register's tooltip and in owb methodology list).
QString shownTitle(const QString &title)
{
    constexpr qsizetype kShown = 80;
    return visibleLength(title) <= kShown ? title : title.left(visibleEnd(title, kShown - 1)) + QChar(0x2026);
}

// Never wider or taller than the screen the dialog is on.
void fitScreen(QWidget *dialog, QSize wanted)
{
    const QScreen *screen = dialog->screen() ? dialog->screen() : QGuiApplication::primaryScreen();
    const QSize available = screen ? screen->availableGeometry().size() : wanted;
    dialog->setMaximumSize(available);
    dialog->resize(wanted.boundedTo(available));
}

QString rawSegmentText(const std::optional<StoredAssessment> &a)
{
    return a && a->result.rawSegment > 0 ? QString::number(a->result.rawSegment) : QString();
}

QString rankText(const std::optional<StoredAssessment> &a)
{
    return a && a->result.rank > 0 ? QString::number(a->result.rank) : QString();
}

// A table as tall as its rows (no empty band under a few of them) and its
// columns as wide as their contents, long names wrapping within 30
// characters; the dialog keeps it within the screen, scrolling beyond.
void fitRows(QTableWidget *table)
{
    table->setWordWrap(true);
    table->resizeColumnsToContents();
    const int limit = 30 * table->fontMetrics().averageCharWidth();
    for (int column = 0; column < table->columnCount(); ++column)
        table->setColumnWidth(column, std::min(table->columnWidth(column),
                                               std::max(limit, table->horizontalHeader()->sectionSizeHint(column))));
    table->resizeRowsToContents();
    // Every row, the header and, when the columns are wider than the screen
    // (the changes' are, on most), a horizontal scroll bar; up to half the
    // screen's height.
    const QScreen *screen = table->screen() ? table->screen() : QGuiApplication::primaryScreen();
    int columns = 0;
    for (int column = 0; column < table->columnCount(); ++column)
        columns += table->columnWidth(column);
    const bool scrolls = !screen || columns + 4 * table->frameWidth() + 40 > screen->availableGeometry().width();
    const int rows = table->horizontalHeader()->sizeHint().height() + table->verticalHeader()->length()
                     + 2 * table->frameWidth() + (scrolls ? table->horizontalScrollBar()->sizeHint().height() : 0);
    const int half = screen ? screen->availableGeometry().height() / 2 : rows;
    table->setMinimumHeight(std::min(rows, half));
    table->setMaximumHeight(rows);
}

QString positiveText(int value)
{
    return value > 0 ? QString::number(value) : QString();
}

QString finalText(int segment)
{
    return segment > 0 ? QString::number(segment) : MethodologiesDialog::tr("not segmented");
}

// Why a final segment moves other than with the computed one.
QString reasonText(const MethodologyChangeRow &row)
{
    switch (row.finalReason) {
    case MethodologyChangeRow::FinalReason::None:
        return {};
    case MethodologyChangeRow::FinalReason::NoProgrammeSegment:
        return MethodologiesDialog::tr("No programme segment in %1").arg(yearOfQuarter(row.quarter));
    case MethodologyChangeRow::FinalReason::ProgrammeSegment:
        return MethodologiesDialog::tr("Programme segment 5 in %1").arg(yearOfQuarter(row.quarter));
    }
    return {};
}

QString basisText(YearBasis basis)
{
    switch (basis) {
    case YearBasis::Declared:
        return MethodologiesDialog::tr("declared by the file");
    case YearBasis::BackCast:
        return MethodologiesDialog::tr("back-cast");
    case YearBasis::Assessed:
        return MethodologiesDialog::tr("assessed before the register");
    }
    return {};
}

} // namespace

MethodologiesDialog::MethodologiesDialog(WorkspaceGetter workspace, Apply apply, QWidget *parent)
    : QDialog(parent)
    , m_workspace(std::move(workspace))
    , m_apply(std::move(apply))
{
    setWindowTitle(tr("Methodologies"));
    setAccessibleName(tr("Methodologies"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("Each quarter is assessed under the methodology in force for its financial year. "
                                "Adding a re-issued file for a year re-assesses only that year's quarters, after "
                                "showing what would change."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    m_register = makeTable(tr("Methodology register"),
                           {tr("Year"), tr("Methodology"), tr("Title"), tr("Basis"), tr("SHA-256"), tr("Added by"),
                            tr("Added at")},
                           this);
    layout->addWidget(m_register, 1);
    m_readOnly = new QLabel(this);
    m_readOnly->setWordWrap(true);
    layout->addWidget(m_readOnly);
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // No accessible name of its own: a screen reader reads what it says.
    layout->addWidget(m_status);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_add = buttons->addButton(tr("Add Methodology File..."), QDialogButtonBox::ActionRole);
    m_add->setAccessibleName(tr("Add Methodology File..."));
    m_add->setAccessibleDescription(tr("Choose a methodology JSON file; what it would change is shown before "
                                       "anything is written"));
    m_add->setAutoDefault(false);
    buttons->button(QDialogButtonBox::Close)->setAccessibleName(tr("Close"));
    connect(m_add, &QPushButton::clicked, this, &MethodologiesDialog::chooseFile);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    fitScreen(this, {1180, 440});
    refresh();
}

void MethodologiesDialog::refresh()
{
    Workspace *workspace = m_workspace();
    m_register->setRowCount(0);
    if (!workspace) {
        m_add->setEnabled(false);
        m_readOnly->setText(tr("No workspace is open."));
        return;
    }
    const MethodologyRegister &reg = workspace->methodologies();
    m_register->setRowCount(int(reg.years().size()));
    int row = 0;
    for (const RegisteredYear &year : reg.years()) {
        const RegisteredFile *file = reg.file(year.file);
        if (!file)
            continue;
        setRow(m_register, row,
               {year.year, file->methodology.id(), shownTitle(file->methodology.title()), basisText(year.basis),
                file->methodology.sha256().left(12), file->addedBy, displayMoment(file->addedAt)});
        m_register->item(row++, 2)->setToolTip(file->methodology.title());
    }
    m_register->setRowCount(row);
    m_register->resizeColumnsToContents();
    // On a team workspace only its importers change methodologies: anyone
    // else is told so here, as File > Import Metric File... tells them
    // before a file is chosen (and a server that cannot be asked, why).
    QString why;
    if (!workspace->readOnlyWhy().isEmpty()) {
        why = workspace->readOnlyWhy();  // a team workspace's reader
    } else if (workspace->isReadOnly()) {
        why = tr("This workspace is open read-only, so no methodology can be added. Open it where you may change "
                 "it, with no other instance using it.");
    } else {
        try {
            why = workspace->whyMayNotImport();
        } catch (const StoreError &error) {
            why = error.message();
        }
    }
    m_add->setEnabled(why.isEmpty());
    m_readOnly->setVisible(!why.isEmpty());
    m_readOnly->setText(why);
}

void MethodologiesDialog::chooseFile()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Add Methodology File"), QString(),
                                                      tr("Methodology files (*.json);;All files (*)"));
    if (!path.isEmpty())
        addFile(path);
}

void MethodologiesDialog::addFile(const QString &path)
{
    Workspace *workspace = m_workspace();
    if (!workspace || workspace->isReadOnly())
        return;
    QString error;
    const auto methodology = Methodology::fromFile(path, &error);
    if (!methodology) {
        m_status->setText(tr("Refused: %1").arg(error));
        QMessageBox::warning(this, tr("Methodology refused"), error);
        return;
    }
    MethodologyChangePlan plan;
    try {
        QApplication::setOverrideCursor(Qt::WaitCursor);
        plan = planMethodologyChange(*workspace, *methodology);
        QApplication::restoreOverrideCursor();
    } catch (const StoreError &storeError) {
        QApplication::restoreOverrideCursor();
        m_status->setText(tr("Refused: %1").arg(storeError.message()));
        QMessageBox::warning(this, tr("Methodology refused"), storeError.message());
        return;
    }
    if (!confirm(*methodology, plan)) {
        m_status->setText(plan.alreadyInForce
                              ? tr("Nothing was changed: %1 is already in force for %2.")
                                    .arg(methodology->id(), plan.years.join(QStringLiteral(", ")))
                              : tr("Nothing was changed: %1 was not added.").arg(methodology->id()));
        return;
    }
    try {
        const int reassessed = m_apply(*methodology);
        const QList<MethodologyChangeRow> changed = plan.changedRows();
        const QString said = tr("%1 is in force for %2; %n case-file quarter(s) re-assessed.", nullptr, reassessed)
                                 .arg(methodology->id(), plan.years.join(QStringLiteral(", ")))
            + QLatin1Char(' ')
            + (changed.isEmpty() ? tr("No organisation quarter changed segment, final segment, raw segment, average, "
                                      "rank or league rank.")
                                 : tr("%n organisation quarter(s) changed, as listed before applying:", nullptr,
                                      int(changed.size())));
        m_status->setText(said);
        refresh();
        showApplied(said, changed);
        return;
    } catch (const StoreError &storeError) {
        m_status->setText(tr("Not added: %1").arg(storeError.message()));
        QMessageBox::warning(this, tr("Methodology not added"), storeError.message());
    }
    refresh();
}

void MethodologiesDialog::showApplied(const QString &said, const QList<MethodologyChangeRow> &changed)
{
    QDialog shown(this);
    shown.setWindowTitle(tr("Methodology Applied"));
    shown.setAccessibleName(tr("Methodology Applied"));
    auto *layout = new QVBoxLayout(&shown);
    auto *text = new QLabel(said, &shown);
    text->setWordWrap(true);
    text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // No accessible name of its own: a screen reader reads what it says.
    layout->addWidget(text);
    if (!changed.isEmpty()) {
        QTableWidget *changes = changesTable(changed, &shown);
        layout->addWidget(changes, 1);
        text->setBuddy(changes);
    } else {
        layout->addStretch(1);
    }
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, &shown);
    buttons->button(QDialogButtonBox::Close)->setAccessibleName(tr("Close"));
    connect(buttons, &QDialogButtonBox::rejected, &shown, &QDialog::reject);
    layout->addWidget(buttons);
    int width = 720;
    for (const QTableWidget *table : shown.findChildren<QTableWidget *>()) {
        int columns = 2 * table->frameWidth() + table->verticalScrollBar()->sizeHint().width();
        for (int column = 0; column < table->columnCount(); ++column)
            columns += table->columnWidth(column);
        width = std::max(width, columns + layout->contentsMargins().left() + layout->contentsMargins().right());
    }
    if (const QScreen *screen = shown.screen() ? shown.screen() : QGuiApplication::primaryScreen())
        width = std::min(width, screen->availableGeometry().width());
    layout->activate();
    fitScreen(&shown, {width, layout->hasHeightForWidth() ? layout->totalHeightForWidth(width) : shown.sizeHint().height()});
    shown.exec();
}

// The changes of a methodology's dry run, one row per organisation quarter:
// the same table before Apply and in its result.
QTableWidget *MethodologiesDialog::changesTable(const QList<MethodologyChangeRow> &changed, QWidget *parent)
{
    // What the portfolio and the league show first (final segment, why,
    // league rank), then what is stored.
    QTableWidget *changes = makeTable(tr("Changes"),
                                      {tr("Code"), tr("Organisation"), tr("Quarter"), tr("Final segment before"),
                                       tr("Final segment after"), tr("Why the final segment moves"),
                                       tr("League rank before"), tr("League rank after"), tr("Segment before"),
                                       tr("Segment after"), tr("Average before"), tr("Average after"),
                                       tr("Raw segment before"), tr("Raw segment after"), tr("Rank before"),
                                       tr("Rank after")},
                                      parent);
    changes->setRowCount(int(changed.size()));
    int row = 0;
    for (const MethodologyChangeRow &change : changed)
        setRow(changes, row++,
               {change.code, change.name, change.quarter,
                change.before ? finalText(change.finalBefore) : segmentText(change.before),
                finalText(change.finalAfter), reasonText(change), positiveText(change.leagueRankBefore),
                positiveText(change.leagueRankAfter), segmentText(change.before), segmentText(change.after),
                averageText(change.before), averageText(change.after), rawSegmentText(change.before),
                rawSegmentText(change.after), rankText(change.before), rankText(change.after)});
    fitRows(changes);
    return changes;
}

bool MethodologiesDialog::confirm(const Methodology &methodology, const MethodologyChangePlan &plan)
{
    QDialog ask(this);
    ask.setWindowTitle(tr("Add Methodology"));
    ask.setAccessibleName(tr("Add Methodology"));
    auto *layout = new QVBoxLayout(&ask);
    // The very file already in force: said, with nothing to apply.
    if (plan.alreadyInForce) {
        auto *same = new QLabel(tr("%1 (%2) is already in force for %3: it is the same file, byte for byte "
                                   "(SHA-256 %4...). There is nothing to apply.")
                                    .arg(methodology.id(), shownTitle(methodology.title()),
                                         plan.years.join(QStringLiteral(", ")), methodology.sha256().left(12)),
                                &ask);
        same->setWordWrap(true);
        layout->addWidget(same);
        auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, &ask);
        buttons->button(QDialogButtonBox::Close)->setAccessibleName(tr("Close"));
        connect(buttons, &QDialogButtonBox::rejected, &ask, &QDialog::reject);
        layout->addWidget(buttons);
        fitScreen(&ask, {720, ask.sizeHint().height()});
        ask.exec();
        return false;
    }
    const QString replacing = plan.replaced.isEmpty()
        ? QString()
        : tr(" (replacing %1)").arg(plan.replaced.join(QStringLiteral("; ")));
    // Said of the one year by its name; no stored quarter is said as such.
    const QString what = plan.quarters.isEmpty()
        ? (plan.years.size() == 1 ? tr("%1 (%2) for %3%4: no quarter of %3 is stored yet, so there is nothing to "
                                       "re-assess. Nothing is written until you apply it.")
                                  : tr("%1 (%2) for %3%4: no quarter of those years is stored yet, so there is "
                                       "nothing to re-assess. Nothing is written until you apply it."))
        : plan.years.size() == 1
        ? tr("%1 (%2) for %3%4 would re-assess the %n stored quarter(s) of %3. Nothing is written until you apply it.",
             nullptr, int(plan.quarters.size()))
        : tr("%1 (%2) for %3%4 would re-assess the %n stored quarter(s) of those years. Nothing is written until "
             "you apply it.",
             nullptr, int(plan.quarters.size()));
    auto *summary = new QLabel(
        what.arg(methodology.id(), shownTitle(methodology.title()), plan.years.join(QStringLiteral(", ")), replacing),
        &ask);
    summary->setWordWrap(true);
    summary->setAccessibleName(tr("What adding the methodology does"));
    summary->setAccessibleDescription(summary->text());  // its words, for a screen reader
    layout->addWidget(summary);
    const QList<MethodologyChangeRow> changed = plan.changedRows();
    if (changed.isEmpty()) {
        // Read by a screen reader as it says it (no name of its own).
        auto *none = new QLabel(tr("No organisation quarter would change segment, final segment, raw segment, average, "
                                   "rank or league rank."),
                                &ask);
        none->setWordWrap(true);
        layout->addWidget(none);
    } else {
        auto *count = new QLabel(
            tr("%n organisation quarter(s) would change segment, final segment, raw segment, average, rank or league "
               "rank:",
               nullptr, int(changed.size())),
            &ask);
        count->setWordWrap(true);
        layout->addWidget(count);
        QTableWidget *changes = changesTable(changed, &ask);
        layout->addWidget(changes, 1);
        count->setBuddy(changes);
    }
    if (plan.otherLeagueMoves > 0) {
        auto *others = new QLabel(tr("%n organisation quarter(s) the workspace does not follow would move in the "
                                     "league tables.",
                                     nullptr, plan.otherLeagueMoves),
                                  &ask);
        others->setWordWrap(true);
        layout->addWidget(others);
    }
    if (!plan.decisions.isEmpty()) {
        // A decision is kept as recorded; the case then asks for its review.
        auto *count = new QLabel(tr("Recorded decisions made on a computed segment that would change: %n. Each is "
                                    "kept as recorded and its case will ask for it to be reviewed.",
                                    nullptr, int(plan.decisions.size())),
                                 &ask);
        count->setWordWrap(true);
        layout->addWidget(count);
        QTableWidget *decisions = makeTable(tr("Decisions to review"),
                                            {tr("Code"), tr("Organisation"), tr("Quarter"), tr("Decision"),
                                             tr("Decided on computed segment"), tr("Computed segment after"),
                                             tr("Decided by"), tr("Decided on")},
                                            &ask);
        decisions->setRowCount(int(plan.decisions.size()));
        int row = 0;
        for (const MethodologyDecisionRow &d : plan.decisions)
            setRow(decisions, row++,
                   {d.code, d.name, d.quarter,
                    d.kind == QLatin1String("correction") ? tr("Correction to segment %1").arg(d.decidedSegment)
                                                           : tr("Confirmation"),
                    QString::number(d.decidedOn), QString::number(d.after), d.decidedBy, displayDate(QDate::fromString(d.decidedOnDate, Qt::ISODate))});
        fitRows(decisions);
        layout->addWidget(decisions);
        count->setBuddy(decisions);
    }
    if (plan.rewrittenCount() > 0) {
        const int restamped = plan.rewrittenCount()
            - int(std::count_if(changed.cbegin(), changed.cend(), [](const MethodologyChangeRow &row) { return row.rewritten; }));
        auto *total = new QLabel(tr("%n case-file quarter(s) would be re-assessed in all, each rewritten.", nullptr,
                                    plan.rewrittenCount())
                                     + (restamped > 0 ? QLatin1Char(' ')
                                                            + tr("%n of them only to record the new methodology "
                                                                 "(nothing listed above changes in them).",
                                                                 nullptr, restamped)
                                                      : QString()),
                                 &ask);
        total->setWordWrap(true);
        layout->addWidget(total);
    }
    auto *buttons = new QDialogButtonBox(&ask);
    QPushButton *apply = buttons->addButton(tr("Apply"), QDialogButtonBox::AcceptRole);
    apply->setAccessibleName(tr("Apply"));
    QPushButton *cancel = buttons->addButton(QDialogButtonBox::Cancel);
    cancel->setAccessibleName(tr("Cancel"));
    cancel->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, &ask, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &ask, &QDialog::reject);
    if (changed.isEmpty())
        layout->addStretch(1);  // the space left is below the words, not between them
    layout->addWidget(buttons);
    // As large as what it shows, within the screen: as wide as the tables'
    // columns (at least 720), and as tall as the lines wrap at that width,
    // with no band of empty rows or gaps between the lines.
    int width = 720;
    for (const QTableWidget *table : ask.findChildren<QTableWidget *>()) {
        int columns = 2 * table->frameWidth() + table->verticalScrollBar()->sizeHint().width();
        for (int column = 0; column < table->columnCount(); ++column)
            columns += table->columnWidth(column);
        width = std::max(width, columns + layout->contentsMargins().left() + layout->contentsMargins().right());
    }
    const QScreen *screen = ask.screen() ? ask.screen() : QGuiApplication::primaryScreen();
    if (screen)
        width = std::min(width, screen->availableGeometry().width());
    layout->activate();
    const int height = layout->hasHeightForWidth() ? layout->totalHeightForWidth(width) : ask.sizeHint().height();
    fitScreen(&ask, {width, height});
    return ask.exec() == QDialog::Accepted;
}

} // namespace owb
