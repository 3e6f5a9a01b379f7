#pragma once
// The Casework tab's Recovery Support Programme (framework.md §7): entry by
// regional decision, the exit criteria agreed at entry, progress reviews, the
// improvement trajectory (the forward plan, drawn against the actual values;
// a quarter whose actual misses the plan is off trajectory and stands out),
// and the exit. Programmes left are kept below, read-only.

#include "caseworksection.h"

class QLabel;
class QPushButton;
class QTableWidget;

namespace owb {

class TrajectoryChart;

class ProgrammeSection : public CaseworkSection
{
    Q_OBJECT
public:
    explicit ProgrammeSection(QWidget *parent = nullptr);
    void reload() override;

    QString enterProgramme(const QString &reason, const QString &director);
    QString recordExit(const QString &transitionPlan, const QDate &date = {});
    QString addTrajectoryPoint(const QString &metricId, const QString &quarter, const QString &planned);
    // The exit criteria of the programme in view not met, or overdue, in
    // words ("Elective waits back to plan (In progress; overdue since ...)").
    QStringList unmetCriteria() const;
    QTableWidget *criteria() const { return m_criteria; }
    QTableWidget *trajectory() const { return m_trajectory; }
    QTableWidget *history() const { return m_history; }

private:
    void askCriterion();
    void askProgressReview();
    void askTrajectoryPoint();
    void askProgrammeEntry();
    void askProgrammeExit();
    void fillTrajectory();
    void fillHistory();
    void drawTrajectory();

    qint64 m_programmeId = 0;
    QLabel *m_state;
    QPushButton *m_enter;
    QPushButton *m_exit;
    QWidget *m_formBox;
    QLabel *m_message;
    QHash<QString, QWidget *> m_edits;
    QGroupBox *m_criteriaBox;
    QTableWidget *m_criteria;
    QGroupBox *m_reviewsBox;
    QTableWidget *m_reviews;
    QGroupBox *m_trajectoryBox;
    QLabel *m_trajectoryState;
    QTableWidget *m_trajectory;
    TrajectoryChart *m_chart;
    QGroupBox *m_historyBox;
    QTableWidget *m_history;
    QString m_offTrajectory; // in the quarter in view, for the navigator
    QLabel *m_criteriaEmpty;
    QLabel *m_reviewsEmpty;
    QPushButton *m_removeCriterion = nullptr;
    QPushButton *m_removeReview = nullptr;
    QPushButton *m_removePoint = nullptr;
    // "segment 5", or for an organisation the framework does not segment
    // (an ICB) "equivalent to segment 5" (framework.md §7).
    QString segmentFive() const;
    // The entry quarter of the programme in view (empty when not in one).
    QString entryQuarter() const;
};

} // namespace owb
