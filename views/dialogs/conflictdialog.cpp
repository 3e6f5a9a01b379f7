#include "conflictdialog.h"

#include "casework/casesession.h"
#include "casework/historytext.h"

#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QGridLayout>
#include <QGuiApplication>
#include <QHash>
#include <QJsonValue>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QResizeEvent>
#include <QScreen>
#include <QStyle>
#include <QStyleOptionFrame>
#include <QTextDocument>
#include <QTextEdit>
#include <QVBoxLayout>
#include <algorithm>
#include <memory>

namespace owb {

namespace {

// Longer than this, or on several lines (a finding's text, a rationale), a
// value would not show whole in a one-line box.
constexpr int kLongValue = 40;
// A multi-line box is as tall as its text up to this many lines, then scrolls.
constexpr int kMostLines = 12;

bool isLong(const QString &text)
{
    return text.size() > kLongValue || text.contains(QLatin1Char('\n'));
}

// A read-only multi-line box sized to its text at the width it is given
// (up to kMostLines lines, then a scroll bar): a long value shown whole.
// Edit Mine makes it a multi-line editor.
class FittedText : public QTextEdit
{
public:
    FittedText(const QString &text, QWidget *parent) : QTextEdit(parent)
    {
        setAcceptRichText(false);
        setPlainText(text);
        setReadOnly(true);
        setTabChangesFocus(true);
        QSizePolicy policy(QSizePolicy::Expanding, QSizePolicy::Preferred);
        policy.setHeightForWidth(true);
        setSizePolicy(policy);
        // Edited (Edit Mine), it grows with the text, up to kMostLines lines.
        connect(this, &QTextEdit::textChanged, this, [this] { setMinimumHeight(heightForWidth(width())); });
    }
    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override
    {
        const std::unique_ptr<QTextDocument> laid(document()->clone());
        const int frame = 2 * frameWidth();
        laid->setTextWidth(qMax(1, width - frame));
        const int most = fontMetrics().lineSpacing() * kMostLines + 2 * int(laid->documentMargin());
        return qMin(int(laid->size().height()) + 1, most) + frame;
    }
    QSize sizeHint() const override
    {
        const int width = fontMetrics().averageCharWidth() * 45;
        return {width, heightForWidth(width)};
    }
    QSize minimumSizeHint() const override { return {fontMetrics().averageCharWidth() * 20, minimumHeight()}; }

protected:
    void resizeEvent(QResizeEvent *event) override
    {
        QTextEdit::resizeEvent(event);
        // As tall as the text at this width: the dialog grows to show it whole.
        const int wanted = heightForWidth(event->size().width());
        if (wanted != minimumHeight())
            setMinimumHeight(wanted);
    }
};

// The width a read-only one-line box needs to show `text` whole, frame
// and margins included.
int fittedWidth(const QLineEdit *line, const QString &text)
{
    QStyleOptionFrame option;
    option.initFrom(line);
    option.lineWidth = line->style()->pixelMetric(QStyle::PM_DefaultFrameWidth, &option, line);
    const QMargins margins = line->textMargins();
    // QLineEdit's own horizontal margin (2 px a side) and the cursor's room.
    const QSize text_(line->fontMetrics().horizontalAdvance(text) + margins.left() + margins.right() + 2 * 2 + 2,
                      line->fontMetrics().height());
    return line->style()->sizeFromContents(QStyle::CT_LineEdit, &option, text_, line).width();
}

QString textOf(const QWidget *box)
{
    if (auto *line = qobject_cast<const QLineEdit *>(box))
        return line->text();
    return static_cast<const QTextEdit *>(box)->toPlainText();
}

} // namespace

QString conflictFieldLabel(const QString &table, const QString &column)
{
    // The labels of the record forms and tables (views/case), by table and column.
    static const QHash<QString, const char *> labels{
        {QStringLiteral("diagnostic_review/opened_reason"), QT_TRANSLATE_NOOP("owb::ConflictDialog", "Why the review is opened")},
        {QStringLiteral("diagnostic_review/team"), QT_TRANSLATE_NOOP("owb::ConflictDialog", "Team")},
        {QStringLiteral("diagnostic_review/scope"), QT_TRANSLATE_NOOP("owb::ConflictDialog", "Scope and terms of reference")},
        {QStringLiteral("diagnostic_review/status"), QT_TRANSLATE_NOOP("owb::ConflictDialog", "Stage")},
        {QStringLiteral("diagnostic_review/decision"), QT_TRANSLATE_NOOP("owb::ConflictDialog", "Decision")},
        {QStringLiteral("diagnostic_review/decision_maker"), QT_TRANSLATE_NOOP("owb::ConflictDialog", "Decision-maker")},
        {QStringLiteral("diagnostic_review/decision_rationale"), QT_TRANSLATE_NOOP("owb::ConflictDialog", "Rationale")},
        {QStringLiteral("finding/category"), QT_TRANSLATE_NOOP("owb::ConflictDialog", "Root cause")},
        {QStringLiteral("finding/description"), QT_TRANSLATE_NOOP("owb::ConflictDialog", "Finding")},
        {QStringLiteral("milestone/description"), QT_TRANSLATE_NOOP("owb::ConflictDialog", "Milestone")},
        {QStringLiteral("milestone/done_date"), QT_TRANSLATE_NOOP("owb::ConflictDialog", "Done on")},
        {QStringLiteral("exit_criterion/description"), QT_TRANSLATE_NOOP("owb::ConflictDialog", "Exit criterion")},
        {QStringLiteral("programme/improvement_director"), QT_TRANSLATE_NOOP("owb::ConflictDialog", "Improvement director")},
        {QStringLiteral("programme/transition_plan"), QT_TRANSLATE_NOOP("owb::ConflictDialog", "Exit and transition plan")},
        {QStringLiteral("trajectory_point/metric_id"), QT_TRANSLATE_NOOP("owb::ConflictDialog", "Metric")},
        {QStringLiteral("note/body"), QT_TRANSLATE_NOOP("owb::ConflictDialog", "Note")},
        {QStringLiteral("capability_area/self_rating"), QT_TRANSLATE_NOOP("owb::ConflictDialog", "Board self-assessment")},
        {QStringLiteral("capability_area/region_rating"), QT_TRANSLATE_NOOP("owb::ConflictDialog", "Region's view")},
        {QStringLiteral("capability_overall/rating"), QT_TRANSLATE_NOOP("owb::ConflictDialog", "Rating")},
        {QStringLiteral("capability_overall/decided_on"), QT_TRANSLATE_NOOP("owb::ConflictDialog", "Decided on")},
    };
    if (const char *label = labels.value(table + QLatin1Char('/') + column))
        return QCoreApplication::translate("owb::ConflictDialog", label);
    // Every other field as its form says it: "Due date", "Capability conclusion".
    QString label = column;
    label.replace(QLatin1Char('_'), QLatin1Char(' '));
    if (!label.isEmpty())
        label[0] = label.at(0).toUpper();
    return label;
}

QList<ConflictRow> conflictRows(const Methodology &methodology, const QList<FieldWrite> &fields, bool removed)
{
    QList<ConflictRow> rows;
    for (const FieldWrite &field : fields) {
        ConflictRow row;
        row.label = conflictFieldLabel(field.table, field.column);
        row.mine = field.value;
        row.mineShown = historyValueText(methodology, field.table, field.column, QJsonValue(field.value));
        row.storedShown = removed ? QCoreApplication::translate("owb::ConflictDialog", "(removed)")
                                  : historyValueText(methodology, field.table, field.column, QJsonValue(field.stored));
        // Free text is shown as stored, so it can be edited in place.
        row.editable = row.mineShown == field.value;
        rows.append(row);
    }
    return rows;
}

ConflictDialog::ConflictDialog(const StoreConflict &conflict, const QList<ConflictRow> &rows, bool canKeep,
                               QWidget *parent, bool removing)
    : QDialog(parent), m_rows(rows)
{
    setWindowTitle(tr("Someone Else Changed This Record"));
    auto *layout = new QVBoxLayout(this);
    // Which ways on there are: the words say exactly those.
    const bool canSave = removing ? canKeep && !conflict.removed() : canKeep && !conflict.removed() && !rows.isEmpty();
    const bool canEdit = !removing && canSave
                         && std::any_of(rows.cbegin(), rows.cend(), [](const ConflictRow &row) { return row.editable; });
    QString intro;
    if (conflict.removed())
        intro = tr("Someone else removed this record since you opened it, so your change was not saved.");
    else if (removing && canSave)
        intro = tr("Someone else changed this record since you opened it, so it was not removed. Remove it anyway "
                   "(their change goes with it), or keep theirs (the record stays as it is now).");
    else if (removing)
        intro = tr("Someone else changed this record since you opened it, so it was not removed. The case now shows "
                   "it as it is.");
    else if (canEdit)
        intro = tr("Someone else changed this record since you opened it, so your change was not saved. Keep yours "
                   "(it replaces theirs), take theirs, or edit yours first.");
    else if (canSave)
        intro = tr("Someone else changed this record since you opened it, so your change was not saved. Keep yours "
                   "(it replaces theirs), or take theirs.");
    else
        intro = tr("Someone else changed this record since you opened it, so your change was not saved. The case now "
                   "shows theirs.");
    auto *introLabel = new QLabel(intro, this);
    introLabel->setWordWrap(true);
    layout->addWidget(introLabel);

    auto *grid = new QGridLayout;
    grid->addWidget(new QLabel(tr("<b>Field</b>"), this), 0, 0);
    grid->addWidget(new QLabel(removing ? tr("<b>You saw</b>") : tr("<b>Yours</b>"), this), 0, 1);
    grid->addWidget(new QLabel(tr("<b>Stored now</b>"), this), 0, 2);
    // A one-line value shows whole: its box as wide as its text, within
    // half of the screen (a longer value wraps in a multi-line box).
    const QScreen *screen = parent ? parent->screen() : QGuiApplication::primaryScreen();
    const int mostWidth = screen ? screen->availableGeometry().width() * 2 / 5 : 560;
    for (int i = 0; i < rows.size(); ++i) {
        const ConflictRow &row = rows.at(i);
        auto *label = new QLabel(row.label, this);
        grid->addWidget(label, i + 1, 0, Qt::AlignTop);
        // A long or multi-line value (either side) in multi-line boxes, both.
        const bool multiLine = isLong(row.mineShown) || isLong(row.storedShown);
        const auto box = [this, multiLine, mostWidth](const QString &text, const QString &name) -> QWidget * {
            QWidget *widget;
            if (multiLine) {
                widget = new FittedText(text, this);
            } else {
                auto *line = new QLineEdit(text, this);
                line->setReadOnly(true);
                line->setCursorPosition(0);
                line->setMinimumWidth(std::min(fittedWidth(line, text), mostWidth));
                widget = line;
            }
            widget->setAccessibleName(name);
            return widget;
        };
        QWidget *yours = box(row.mineShown, removing ? tr("Seen %1").arg(row.label) : tr("Your %1").arg(row.label));
        grid->addWidget(yours, i + 1, 1);
        m_mine.append(yours);
        grid->addWidget(box(row.storedShown, tr("Stored %1").arg(row.label)), i + 1, 2);
        if (multiLine)
            grid->setRowStretch(i + 1, 1);
    }
    grid->setColumnStretch(1, 1);
    grid->setColumnStretch(2, 1);
    layout->addLayout(grid);

    auto *buttons = new QDialogButtonBox(this);
    m_keep = buttons->addButton(removing ? tr("&Remove Anyway") : tr("&Keep Mine"), QDialogButtonBox::AcceptRole);
    m_edit = buttons->addButton(tr("&Edit Mine"), QDialogButtonBox::ActionRole);
    QPushButton *take = buttons->addButton(removing ? tr("K&eep Theirs") : tr("&Take Theirs"), QDialogButtonBox::RejectRole);
    take->setDefault(true);  // the safe way: nothing is overwritten
    m_keep->setEnabled(canSave);
    m_edit->setEnabled(canEdit);
    m_edit->setVisible(!removing);  // a removal has nothing of its own to edit
    connect(m_keep, &QPushButton::clicked, this, [this] {
        m_choice = Choice::KeepMine;
        accept();
    });
    connect(take, &QPushButton::clicked, this, [this] {
        m_choice = Choice::TakeTheirs;
        reject();
    });
    connect(m_edit, &QPushButton::clicked, this, &ConflictDialog::editMine);
    layout->addWidget(buttons);
    // Wider with a long value, so that it reads in lines of a usual length.
    const bool anyLong = std::any_of(rows.cbegin(), rows.cend(),
                                     [](const ConflictRow &row) { return isLong(row.mineShown) || isLong(row.storedShown); });
    // At least as wide as the rows need (a one-line value's box as wide as
    // its text): an explicit minimum would otherwise stand in for the layout's.
    setMinimumWidth(std::max(layout->totalMinimumSize().width(),
                             fontMetrics().averageCharWidth() * (anyLong ? 110 : 70)));
}

void ConflictDialog::editMine()
{
    QWidget *first = nullptr;
    for (int i = 0; i < m_mine.size(); ++i)
        if (m_rows.at(i).editable) {
            if (auto *line = qobject_cast<QLineEdit *>(m_mine.at(i)))
                line->setReadOnly(false);
            else
                static_cast<QTextEdit *>(m_mine.at(i))->setReadOnly(false);  // a multi-line editor
            first = first ? first : m_mine.at(i);
        }
    if (first) {
        first->setFocus();
        if (auto *line = qobject_cast<QLineEdit *>(first))
            line->selectAll();
        else
            static_cast<QTextEdit *>(first)->selectAll();
    }
    m_keep->setText(tr("&Save Mine"));
    m_edit->setEnabled(false);
}

QStringList ConflictDialog::mine() const
{
    QStringList values;
    for (int i = 0; i < m_mine.size(); ++i)
        values.append(m_rows.at(i).editable ? textOf(m_mine.at(i)) : m_rows.at(i).mine);
    return values;
}

bool reportStoreProblem(QWidget *parent, CaseSession *session, const QString &title, const QString &error)
{
    if (error.isEmpty())
        return true;
    QString problem = error;
    // The dialog only for the conflict this error reports (the session's last).
    while (session && session->lastConflict() && session->lastConflict()->message() == problem) {
        const StoreConflict conflict = *session->lastConflict();
        const QList<ConflictRow> rows = conflictRows(session->methodology(), session->conflictFields(), conflict.removed());
        if (rows.isEmpty() && !session->canKeepMine()) {
            // Nothing to compare and nothing of this user's left to save (a
            // decision replaced by a colleague's): said in words, no empty table.
            session->takeTheirs();
            QMessageBox::information(parent, ConflictDialog::tr("Someone Else Changed This Record"), problem);
            return false;
        }
        ConflictDialog dialog(conflict, rows, session->canKeepMine(), parent, session->conflictRemoves());
        dialog.exec();
        if (dialog.choice() != ConflictDialog::Choice::KeepMine) {
            session->takeTheirs();
            return false;
        }
        problem = session->keepMine(dialog.mine());
        if (problem.isEmpty())
            return false;
    }
    QMessageBox::warning(parent, title, problem);
    return false;
}

} // namespace owb
