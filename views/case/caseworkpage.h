#pragma once
// Casework (framework.md §7) as a workflow: a navigator of sections, each
// shown when it applies and saying where it stands: the quarterly decision
// (DecisionSection), the diagnostic review and findings (ReviewSection), the
// Recovery Support Programme with its exit criteria, progress reviews and
// trajectory (ProgrammeSection), and the recovery plan milestones
// (MilestoneSection). Every edit is an undo command.

#include "casecontext.h"
#include "heldcontrols.h"

#include <QDate>
#include <QWidget>

class QListWidget;
class QScrollArea;
class QTableWidget;

namespace owb {

class CaseworkSection;
class DecisionSection;
class MilestoneSection;
class ProgrammeSection;
class ReviewSection;

class CaseworkPage : public QWidget, public HoldsEdits
{
    Q_OBJECT
public:
    explicit CaseworkPage(QWidget *parent = nullptr);
    void setContext(const CaseContext &context);
    // Each section holds its own edits.
    void setHeld(const QString &why) override;

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
    // Adds an evidence item to the selected finding, as the button does after asking.
    QString addFindingEvidence(const QString &title, const QString &source);
    // Edit Finding's form given `values` for finding `id`: one write (ReviewSection::editFinding).
    QString editFinding(qint64 id, const QVariantMap &values);
    QTableWidget *trajectory() const;
    QTableWidget *milestones() const;
    QTableWidget *findings() const;
    QTableWidget *criteria() const;
    QTableWidget *findingEvidence() const;
    ProgrammeSection *programme() const { return m_programme; }

private:
    // The sections, in the order the page and the navigator show them.
    QList<CaseworkSection *> sections() const;
    void reload();
    // reload from the session's signal: a refused read said, never thrown (case/caseread.h).
    void reloadOrSay();
    void report(const QString &error);
    // Selects the navigator's first section that applies to the case in view.
    void chooseFirstSection();
    // Selects the navigator's section that the page is scrolled to.
    // keepChosenInView: the entry chosen stays while its section fills the
    // page below the reading line (a layout change, not a scroll).
    void followScroll(bool keepChosenInView = false);

    CaseContext m_context;
    DecisionSection *m_decision;
    ReviewSection *m_review;
    ProgrammeSection *m_programme;
    MilestoneSection *m_milestones;
    QListWidget *m_sections;
    QScrollArea *m_scroll;
    bool m_navigating = false; // the page scrolled to the section chosen in the navigator
    bool m_following = false;  // the navigator following the page's scrolling
};

} // namespace owb
