#pragma once
// Changes this quarter: every followed organisation whose segment moved,
// with the reason and what lies behind it; a double-click opens the case.

#include <QHash>
#include <QWidget>

class QLabel;
class QTableView;

namespace owb {

class ChangesModel;
struct PortfolioEntry;

class ChangesPanel : public QWidget
{
    Q_OBJECT
public:
    explicit ChangesPanel(QWidget *parent = nullptr);
    void setEntries(const QList<PortfolioEntry> &entries, const QHash<QString, QString> &peerTypeNames);
    ChangesModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }

Q_SIGNALS:
    void backRequested();
    // Its case file's path and its code (what names it on a team workspace).
    void caseRequested(const QString &path, const QString &code);

private:
    ChangesModel *m_model;
    QTableView *m_view;
    QLabel *m_title;
    QString m_quarter;
};

} // namespace owb
