#pragma once
// The Casework tab's recovery plan milestones (framework.md §7): each step of
// the plan with its owner and due date; one past its due date and not done
// stands out. Shown for every case, with what to do when there are none.

#include "caseworksection.h"

class QLabel;
class QTableWidget;

class QPushButton;

namespace owb {

class MilestoneSection : public CaseworkSection
{
    Q_OBJECT
public:
    explicit MilestoneSection(QWidget *parent = nullptr);
    void reload() override;

    // A due date as typed ("31/03/2027", "2027-03-31"); the owner may be empty.
    QString addMilestone(const QString &description, const QString &due, const QString &owner = {});
    // Status done and, unless already set, today as the date it was done.
    QString markMilestoneDone(qint64 id);
    QTableWidget *milestones() const { return m_milestones; }

private:
    void updateDoneButton();
    void askMilestone();

    QLabel *m_state;
    QTableWidget *m_milestones;
    QPushButton *m_done = nullptr;
    QPushButton *m_remove = nullptr;
};

} // namespace owb
