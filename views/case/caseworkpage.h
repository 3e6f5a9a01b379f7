#pragma once
// Casework (framework.md §7): the segment-4 diagnostic review with its
// findings and the region's decision; the Recovery Support Programme with
// exit criteria; recovery plan milestones. Overdue items stand out. Every
// edit is an undo command.

#include "casecontext.h"
#include "recorddialog.h"

#include "framework/caseworkchoices.h"

#include <QDate>
#include <QWidget>

class QFormLayout;
class QGroupBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QScrollArea;
class QTableWidget;

namespace owb {

struct CaseworkTable;
class DecisionSection;
class TrajectoryChart;

class CaseworkPage : public QWidget
{
    Q_OBJECT
public:
    explicit CaseworkPage(QWidget *parent = nullptr);
    void setContext(const CaseContext &context);

    // Actions a user starts with a button; public so that tests can drive them.
    QString openReview(const QString &reason);
    QString enterProgramme(const QString &reason, const QString &director);
    QString recordExit(const QString &transitionPlan, const QDate &date = {});
    // A due date as typed ("31/03/2027", "2027-03-31"); the owner may be empty.
    QString addMilestone(const QString &description, const QString &due, const QString &owner = {});
    // Status done and, unless already set, today as the date it was done.
    QString markMilestoneDone(qint64 id);
    // The quarter's segmentation decision: confirm the computed segment, or
    // correct it (a justified decision).
    QString recordDecision(bool correction, int segment, const QString &rationale);
    // The review's next stage; the last is reached by recording the decision.
    QString advanceReview();
    // The regional decision on the review (a choice of the methodology's
    // decisions, its date, who made it and why): it closes the review.
    QString recordReviewDecision(const QString &decision, const QDate &date, const QString &maker,
                                 const QString &rationale);
    QString addTrajectoryPoint(const QString &metricId, const QString &quarter, const QString &planned);
    QTableWidget *trajectory() const { return m_trajectory; }
    QTableWidget *milestones() const { return m_milestones; }
    QTableWidget *findings() const { return m_findings; }
    QTableWidget *criteria() const { return m_criteria; }
    QTableWidget *findingEvidence() const { return m_findingEvidence; }
    // Adds an evidence item to the selected finding, as the button does after asking.
    QString addFindingEvidence(const QString &title, const QString &source);

private:
    void reload();
    // Builds a form, one field per column (text, date or choice), that edits
    // the record whose id `recordId` holds when the user finishes with a
    // field; a date that cannot be read is kept and explained in `message`.
    QHash<QString, QWidget *> buildForm(QFormLayout *form, const CaseworkTable &table, const qint64 *recordId,
                                        const QList<RecordField> &fields, QLabel *message);
    void fillForm(const QHash<QString, QWidget *> &edits, const CaseworkTable &table, qint64 id);
    // The dialogs of the buttons: one titled form per record.
    void askFinding();
    void askEvidence();
    void askMilestone();
    void askCriterion();
    void askProgressReview();
    void askTrajectoryPoint();
    void askProgrammeEntry();
    void askProgrammeExit();
    void askReviewDecision();
    const CaseworkChoices &choices() const;
    void fillTable(QTableWidget *table, const CaseworkTable &source, const QList<QVariantMap> &rows,
                   const QStringList &columns, const QString &doneColumn, const QString &doneValue);
    void tableEdited(QTableWidget *table, const CaseworkTable &source, const QStringList &columns, int row, int column);
    void report(const QString &error);
    // The review form's choices and the tables' choice columns from the case's methodology.
    void refreshChoices();
    // The navigator's entries: each section's name and where it stands.
    void describeSections(const QString &decision, const QString &review, const QString &programme,
                          const QString &milestones);
    void drawTrajectory();
    void fillFindingEvidence();
    qint64 currentFindingId() const;

    CaseContext m_context;
    bool m_loading = false;
    qint64 m_reviewId = 0;
    qint64 m_programmeId = 0;
    QLabel *m_reviewState;
    QPushButton *m_openReview;
    QWidget *m_reviewFormBox;
    QHash<QString, QWidget *> m_reviewEdits;
    QLabel *m_reviewMessage;
    QPushButton *m_advanceReview;
    QPushButton *m_decideReview;
    QTableWidget *m_findings;
    QGroupBox *m_findingsBox;
    QTableWidget *m_findingEvidence;
    QGroupBox *m_reviewBox = nullptr;
    QGroupBox *m_decisionBox = nullptr;
    QLabel *m_programmeState;
    QPushButton *m_enterProgramme;
    QPushButton *m_exitProgramme;
    QWidget *m_programmeFormBox;
    QHash<QString, QWidget *> m_programmeEdits;
    QLabel *m_programmeMessage;
    QGroupBox *m_reviewsBox = nullptr;
    QGroupBox *m_trajectoryBox = nullptr;
    QLabel *m_milestonesState;
    DecisionSection *m_decision = nullptr;
    QTableWidget *m_criteria;
    QGroupBox *m_criteriaBox;
    QTableWidget *m_milestones;
    QTableWidget *m_reviews;
    QTableWidget *m_trajectory;
    TrajectoryChart *m_trajectoryChart;
    QListWidget *m_sections;
    QScrollArea *m_scroll = nullptr;
    QGroupBox *m_programmeBox = nullptr;
    QGroupBox *m_planBox = nullptr;
};

} // namespace owb
