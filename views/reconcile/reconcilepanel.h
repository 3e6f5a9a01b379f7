#pragma once
// Reconciliation in the workbench: NHS England's published league table for
// a quarter beside the workspace's computed results, trust by trust, with
// why they differ (the same rows as `owb reconcile`).

#include "exchange/reconciliation.h"

#include <QWidget>

class QCheckBox;
class QLabel;
class QTableWidget;

namespace owb {

class ReconcilePanel : public QWidget
{
    Q_OBJECT
public:
    explicit ReconcilePanel(QWidget *parent = nullptr);
    // `decided`: the quarter's decided final segments (decidedSegments()).
    void setSource(NationalCache *national, const QString &quarter, const QHash<QString, int> &decided = {});
    // Reads and compares a published file; false after saying what was wrong
    // (file and line), leaving the previous comparison in place.
    bool reconcileFile(const QString &path);
    void chooseFile();
    QTableWidget *table() const { return m_table; }
    QLabel *summary() const { return m_summary; }
    const QList<ReconciliationRow> &rows() const { return m_rows; }

Q_SIGNALS:
    void backRequested();

private:
    void fill();

    NationalCache *m_national = nullptr;
    QString m_quarter;
    QHash<QString, int> m_decided;
    QString m_file;
    QString m_fileQuarter; // the quarter the published table was compared with
    QList<ReconciliationRow> m_rows;
    QLabel *m_summary;
    QCheckBox *m_onlyDifferences;
    QTableWidget *m_table;
};

} // namespace owb
