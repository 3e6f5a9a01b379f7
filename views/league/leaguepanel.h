#pragma once
// A peer type's national league table for the quarter, exportable to CSV.

#include <QHash>
#include <QWidget>

class QComboBox;
class QLabel;
class QTableView;

namespace owb {

class LeagueModel;
class Methodology;
class NationalCache;

class LeaguePanel : public QWidget
{
    Q_OBJECT
public:
    explicit LeaguePanel(QWidget *parent = nullptr);
    // `decided`: final segments set by decisions (segment 5 ranks after 4).
    void setSource(NationalCache *national, const Methodology *methodology, const QString &quarter,
                   const QHash<QString, int> &decided = {});
    LeagueModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    // "2025/26 Q4 under nof-2025-26 (title)": the quarter's own methodology.
    QLabel *methodologyLabel() const { return m_methodology; }

Q_SIGNALS:
    void backRequested();

private:
    void refresh();

    NationalCache *m_national = nullptr;
    QString m_quarter;
    QHash<QString, int> m_decided;
    QComboBox *m_peerType;
    QLabel *m_methodology = nullptr;
    LeagueModel *m_model;
    QTableView *m_view;
};

} // namespace owb
