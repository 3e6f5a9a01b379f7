#pragma once
// The Casework tab's diagnostic review and findings (framework.md §7): a
// segment-4 organisation's review, taken through the methodology's stages to
// the region's decision, with its findings and the evidence behind each.
// Once decided it is read-only (its form, findings and evidence), until the
// decision is undone.
// Shown where the framework segments the organisation, or a review exists.

#include "caseworksection.h"

#include <QAbstractItemView>

class QLabel;
class QPushButton;
class QTableWidget;

namespace owb {

class ReviewSection : public CaseworkSection
{
    Q_OBJECT
public:
    explicit ReviewSection(QWidget *parent = nullptr);
    void reload() override;

    // Opens the review with what the form asks for: why, the team, the scope
    // and terms of reference, the start and due dates.
    QString openReview(const QString &reason, const QString &team = {}, const QString &scope = {},
                       const QDate &start = {}, const QDate &due = {});
    // What the review still needs before the regional decision, in words
    // (its stage, a capability conclusion, a recommendation), column by
    // column; empty when it can be decided. One rule for the form and the action.
    // Whether the review in view has a finding.
    bool hasFindings() const;
    QList<std::pair<QString, QString>> decisionBlockers(const QVariantMap &review) const;
    // The review's next stage; the last is reached by recording the decision.
    QString advanceReview();
    // Why the review cannot move to its next stage now, in words; empty when it can.
    QString advanceBlocker();
    // The regional decision on the review (a choice of the methodology's
    // decisions, its date, who made it and why): it closes the review.
    // Refused, in words, before the last stage before the decision or
    // without a capability conclusion and a recommendation; the form
    // records those with the decision.
    QString recordReviewDecision(const QString &decision, const QDate &date, const QString &maker,
                                 const QString &rationale, const QString &conclusion = {},
                                 const QString &recommendation = {});
    // Adds an evidence item to the selected finding, as the button does after asking.
    QString addFindingEvidence(const QString &title, const QString &source);
    // Stores what Edit Finding's form gives for finding `id` (its root cause,
    // severity, text, domains and metrics, by column): the fields that differ
    // from what the user was shown, in one write (one undo step, one history
    // entry; a colleague's change meanwhile is a conflict); nothing when none.
    QString editFinding(qint64 id, const QVariantMap &values);
    QTableWidget *findings() const { return m_findings; }
    QTableWidget *findingEvidence() const { return m_findingEvidence; }

private:
    void askOpenReview();
    void askFinding();
    void askEditFinding();
    // The finding form's fields, filled with `finding`'s values (none: a new one).
    QList<RecordField> findingFields(const QVariantMap &finding) const;
    // Finding `id` as the table shows it (the version the user saw), or none.
    QVariantMap seenFinding(qint64 id);
    void askEvidence();
    void askReviewDecision();
    void refreshChoices();
    void fillFindingEvidence();
    qint64 currentFindingId() const;

    qint64 m_reviewId = 0;
    QLabel *m_state;
    QPushButton *m_openReview;
    QPushButton *m_advanceReview;
    QPushButton *m_decideReview;
    QWidget *m_formBox;
    QLabel *m_message;
    QHash<QString, QWidget *> m_edits;
    QGroupBox *m_findingsBox;
    QTableWidget *m_findings;
    QTableWidget *m_findingEvidence;
    // What edits the review's records: disabled once it is decided.
    QList<QPushButton *> m_recordButtons; // add and remove finding, add and remove evidence, edit finding
    QLabel *m_findingsEmpty;
    QLabel *m_evidenceLabel = nullptr;
    bool m_decided = false;
    QAbstractItemView::EditTriggers m_editTriggers;
    ChoiceSet m_rootCauses;  // the methodology's root causes, by name (the findings table's names)
};

} // namespace owb
