#pragma once
// The case's audit trail: who changed what, when, from what to what;
// filterable to one kind of record or one record.

#include "casecontext.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QTableWidget;

namespace owb {

class HistoryPage : public QWidget
{
    Q_OBJECT
public:
    explicit HistoryPage(QWidget *parent = nullptr);
    void setContext(const CaseContext &context);
    QTableWidget *table() const { return m_table; }

private:
    static QString actionText(const QString &action);
    void reload();
    // reload from the session's signals and the filter: a refused read said, never thrown.
    void reloadOrSay();

    CaseContext m_context;
    QLineEdit *m_filter;
    QTableWidget *m_table;
    QLabel *m_integrity;
};

} // namespace owb
