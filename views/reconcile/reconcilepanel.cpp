#include "reconcilepanel.h"

#include "store/storeerror.h"
#include "widgets/csvexport.h"

#include <QCheckBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace owb {

ReconcilePanel::ReconcilePanel(QWidget *parent)
    : QWidget(parent), m_summary(new QLabel(this)), m_onlyDifferences(new QCheckBox(tr("Only &differences"), this)),
      m_table(new QTableWidget(0, 8, this))
{
    auto *back = new QToolButton(this);
    back->setText(tr("← Portfolio"));
    back->setAutoRaise(true);
    connect(back, &QToolButton::clicked, this, &ReconcilePanel::backRequested);
    auto *open = new QPushButton(tr("&Open Published League Table..."), this);
    connect(open, &QPushButton::clicked, this, &ReconcilePanel::chooseFile);
    auto *exportButton = new QPushButton(tr("&Export CSV..."), this);
    connect(exportButton, &QPushButton::clicked, this, [this] {
        exportCsv(this, QStringLiteral("reconciliation.csv"), [this](QTextStream &out) { writeReconciliationCsv(out, m_rows); });
    });
    m_onlyDifferences->setChecked(true);
    connect(m_onlyDifferences, &QCheckBox::toggled, this, &ReconcilePanel::fill);
    m_summary->setWordWrap(true);
    m_summary->setText(tr("Open NHS England's published league table (a CSV with Trust_code, Segment, Average_score, "
                          "Trust_in_financial_deficit and Rank) to compare it with this workspace."));

    m_table->setHorizontalHeaderLabels({tr("Trust"), tr("Published segment"), tr("Computed segment"), tr("Published average"),
                                        tr("Computed average"), tr("Published rank"), tr("Computed rank"), tr("Why they differ")});
    m_table->setAccessibleName(tr("Reconciliation with the published league table"));
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setWordWrap(true);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(7, QHeaderView::Stretch);

    auto *top = new QHBoxLayout;
    top->addWidget(back);
    top->addWidget(m_summary, 1);
    top->addWidget(m_onlyDifferences);
    top->addWidget(open);
    top->addWidget(exportButton);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_table, 1);
}

void ReconcilePanel::setSource(NationalCache *national, const QString &quarter, const QHash<QString, int> &decided)
{
    m_national = national;
    m_quarter = quarter;
    m_decided = decided;
    if (!national) {  // the workspace closed
        m_file.clear();
        m_fileQuarter.clear();
        m_rows.clear();
    }
    // A published table is of one quarter: it stays compared with the quarter
    // it was opened for, and the summary says so when the toolbar moves on.
    fill();
}

void ReconcilePanel::chooseFile()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Published League Table"), QString(),
                                                      tr("CSV files (*.csv);;All files (*)"));
    if (!path.isEmpty())
        reconcileFile(path);
}

bool ReconcilePanel::reconcileFile(const QString &path)
{
    if (!m_national || m_quarter.isEmpty())
        return false;
    Diagnostics errors;
    const auto published = readPublishedLeague(path, &errors);
    if (!published) {
        QStringList lines;
        for (const Diagnostic &error : std::as_const(errors))
            lines.append(error.toString());
        QMessageBox box(QMessageBox::Warning, tr("Cannot reconcile"),
                        tr("%1 cannot be read as a published league table.").arg(QFileInfo(path).fileName()), QMessageBox::Ok,
                        this);
        box.setDetailedText(lines.join(QLatin1Char('\n')));
        box.setInformativeText(lines.value(0));
        box.exec();
        return false;
    }
    QList<ReconciliationRow> rows;
    try {
        rows = reconcile(*m_national, m_quarter, *published, m_decided);
    } catch (const StoreError &error) {
        // The workspace's national data could not be read (a team
        // workspace's connection lost): said, the comparison shown kept.
        QMessageBox::warning(this, tr("Cannot reconcile"), error.message());
        return false;
    }
    m_file = path;
    m_fileQuarter = m_quarter;
    m_rows = rows;
    fill();
    return true;
}

void ReconcilePanel::fill()
{
    int differ = 0;
    for (const ReconciliationRow &row : std::as_const(m_rows))
        differ += row.difference.isEmpty() ? 0 : 1;
    if (!m_file.isEmpty()) {
        QString summary = tr("%1 against %2: %n trust(s) compared, %3 differ.", nullptr, int(m_rows.size()))
                              .arg(QFileInfo(m_file).fileName(), m_fileQuarter)
                              .arg(differ);
        if (const QString none = noneInWorkspace(m_rows, m_fileQuarter); !none.isEmpty())
            summary = QFileInfo(m_file).fileName() + QLatin1String(": ") + none;
        if (m_quarter != m_fileQuarter)
            summary += QLatin1Char(' ')
                + tr("The toolbar shows %1; open the published table of %1 to compare that quarter.")
                      .arg(m_quarter);
        m_summary->setText(summary);
    }
    m_table->setRowCount(0);
    auto number = [](int value) { return value > 0 ? QString::number(value) : QString(); };
    auto average = [](Hundredths value) { return value > 0 ? formatHundredths(value) : QString(); };
    for (const ReconciliationRow &row : std::as_const(m_rows)) {
        if (m_onlyDifferences->isChecked() && row.difference.isEmpty())
            continue;
        const int r = m_table->rowCount();
        m_table->insertRow(r);
        const QStringList cells{row.published.code,          number(row.published.segment), number(row.segment),
                                average(row.published.average), average(row.average),        number(row.published.rank),
                                number(row.rank),              row.difference.isEmpty() ? tr("agrees") : row.difference};
        for (int c = 0; c < cells.size(); ++c) {
            auto *item = new QTableWidgetItem(cells.at(c));
            if (c == 7)
                item->setToolTip(tr("Line %1 of the published file").arg(row.published.line));
            else if (c > 0)  // segments, averages and ranks read as numbers, as in every other table
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            m_table->setItem(r, c, item);
        }
    }
    m_table->resizeRowsToContents();
}

} // namespace owb
