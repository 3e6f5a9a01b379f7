#pragma once
// Capability (framework.md §5): per year and area, the board's
// self-assessment, the region's view and notes; evidence items with
// attachments; the region's overall view with rationale and date. Every edit
// is an undo command.

#include "casecontext.h"
#include "heldcontrols.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QTableView;
class QTableWidget;

namespace owb {

class CapabilityModel;
class ChoiceDelegate;
class CommitTextEdit;
class DateEdit;

class CapabilityPage : public QWidget, public HoldsEdits
{
    Q_OBJECT
public:
    explicit CapabilityPage(QWidget *parent = nullptr);
    void setContext(const CaseContext &context);
    // The ratings, the overall view and Add and Remove evidence; the year
    // chooser and Save Attachment As... change nothing and are left as they are.
    void setHeld(const QString &why) override { m_held->setHeld(why); }
    CapabilityModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    QString year() const { return m_year; }

private:
    void showYear(const QString &year);
    void reloadOverallAndEvidence();
    // From the session's signal: a refused read said, never thrown (case/caseread.h).
    void reloadOverallAndEvidenceOrSay();
    void addEvidence();
    void removeEvidence();
    void saveAttachment();
    void report(const QString &error);

    CaseContext m_context;
    QString m_year;
    QString m_storedRating;  // the overall rating as last read: shown again when a change is refused
    QComboBox *m_yearBox;
    CapabilityModel *m_model;
    QTableView *m_table;
    ChoiceDelegate *m_ratingDelegate;
    QComboBox *m_overallRating;
    CommitTextEdit *m_rationale;
    DateEdit *m_decidedOn;
    QLabel *m_decidedOnProblem; // why a typed date was not saved, beside it
    QTableWidget *m_evidence;
    HeldControls *m_held;
};

} // namespace owb
