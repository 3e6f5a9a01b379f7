#pragma once
// A peer type's national league table for the quarter, exportable to CSV.

#include <QWidget>

class QComboBox;
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
    void setSource(NationalCache *national, const Methodology *methodology, const QString &quarter);
    LeagueModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }

Q_SIGNALS:
    void backRequested();

private:
    void refresh();

    NationalCache *m_national = nullptr;
    QString m_quarter;
    QComboBox *m_peerType;
    LeagueModel *m_model;
    QTableView *m_view;
};

} // namespace owb
