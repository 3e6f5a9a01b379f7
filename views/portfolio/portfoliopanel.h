#pragma once
// The portfolio: every case file of the workspace for the chosen quarter,
// sortable, filterable by peer type, segment, what needs action and text, exportable to CSV;
// Enter or double-click opens a case.

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QTableView;

namespace owb {

class PortfolioFilter;
class PortfolioModel;
struct PortfolioEntry;

class PortfolioPanel : public QWidget
{
    Q_OBJECT
public:
    explicit PortfolioPanel(QWidget *parent = nullptr);

    // The hashes map peer type and capability rating ids to names.
    void setEntries(const QList<PortfolioEntry> &entries, const QHash<QString, QString> &peerTypeNames,
                    const QHash<QString, QString> &ratingNames = {});
    QTableView *view() const { return m_view; }
    PortfolioModel *model() const { return m_model; }
    PortfolioFilter *filter() const { return m_proxy; }
    // A team workspace's rows are cases on a server, not case files: the
    // count says so.
    void setTeamWorkspace(bool team)
    {
        m_team = team;
        updateCount();
    }

Q_SIGNALS:
    // A case chosen: its case file's path, and its code (what names a case
    // on a team workspace, where the path is the server's).
    void caseActivated(const QString &path, const QString &code);

private:
    void updateCount();

    PortfolioModel *m_model;
    PortfolioFilter *m_proxy;
    QTableView *m_view;
    QLineEdit *m_filter;
    QComboBox *m_peerType;
    QComboBox *m_segment;
    QCheckBox *m_needsAction;
    QLabel *m_count;
    QLabel *m_empty; // what the filters hide when they leave nothing
    bool m_team = false;
};

} // namespace owb
