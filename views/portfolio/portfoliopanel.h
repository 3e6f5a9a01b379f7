#pragma once
// The portfolio: every case file of the workspace for the chosen quarter,
// sortable and filterable; Enter or double-click opens a case.

#include <QWidget>

class QLineEdit;
class QSortFilterProxyModel;
class QTableView;
class QLabel;

namespace owb {

class PortfolioModel;
struct PortfolioEntry;

class PortfolioPanel : public QWidget
{
    Q_OBJECT
public:
    explicit PortfolioPanel(QWidget *parent = nullptr);

    void setEntries(const QList<PortfolioEntry> &entries, const QHash<QString, QString> &peerTypeNames);
    QTableView *view() const { return m_view; }
    PortfolioModel *model() const { return m_model; }

Q_SIGNALS:
    void caseActivated(const QString &path);

private:
    void updateCount();

    PortfolioModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QTableView *m_view;
    QLineEdit *m_filter;
    QLabel *m_count;
};

} // namespace owb
