#pragma once
// A peer type's national league table for the quarter: sortable by any
// column, filtered to a region or with a region's rows highlighted, with the
// capability and casework of the workspace's own organisations; exportable
// to CSV (the rows shown, in the order shown).

#include <QHash>
#include <QWidget>

class QComboBox;
class QLabel;
class QSortFilterProxyModel;
class QTableView;

namespace owb {

class LeagueModel;
class Methodology;
class NationalCache;
struct PortfolioEntry;

class LeaguePanel : public QWidget
{
    Q_OBJECT
public:
    explicit LeaguePanel(QWidget *parent = nullptr);
    // `decided`: final segments set by decisions (segment 5 ranks after 4).
    // `portfolio`: the workspace's entries of the quarter, for capability and casework.
    void setSource(NationalCache *national, const Methodology *methodology, const QString &quarter,
                   const QHash<QString, int> &decided = {}, const QList<PortfolioEntry> &portfolio = {});
    LeagueModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    // "2025/26 Q4 under nof-2025-26 (title)": the quarter's own methodology.
    QLabel *methodologyLabel() const { return m_methodology; }

Q_SIGNALS:
    void backRequested();

private:
    void refresh();
    void fillRegions();
    void applyRegions();

    NationalCache *m_national = nullptr;
    QString m_quarter;
    QHash<QString, int> m_decided;
    QList<PortfolioEntry> m_portfolio;
    QHash<QString, QString> m_peerTypeNames;
    QHash<QString, QString> m_ratingNames;
    QComboBox *m_peerType;
    QComboBox *m_region;
    QComboBox *m_highlight;
    QSortFilterProxyModel *m_proxy;
    QLabel *m_methodology = nullptr;
    LeagueModel *m_model;
    QTableView *m_view;
};

} // namespace owb
