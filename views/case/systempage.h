#pragma once
// An ICB's system casework (framework.md §6): why it is not segmented, the
// six system-consideration tests of the quarter (yes/no with evidence) and
// the statutory annual assessment notes of the year.

#include "casecontext.h"
#include "heldcontrols.h"

#include <QVariantMap>
#include <QWidget>

class QGroupBox;
class QLabel;
class QTableWidget;

namespace owb {

class SystemPage : public QWidget, public HoldsEdits
{
    Q_OBJECT
public:
    explicit SystemPage(QWidget *parent = nullptr);
    void setContext(const CaseContext &context);
    // The tests' answers and evidence, the notes and their buttons.
    void setHeld(const QString &why) override { m_held->setHeld(why); }
    QTableWidget *considerations() const { return m_considerations; }
    QTableWidget *assessments() const { return m_assessments; }
    QLabel *summary() const { return m_summary; }

    // A statutory assessment note of the quarter's year, as the form adds it
    // (assessed_on, assessor, area, summary, conclusion); the short form
    // assesses today as the current user.
    QString addAssessment(QVariantMap values);
    QString addAssessment(const QString &area, const QString &summary);

private:
    void reload();
    // reload from the session's signal: a refused read said, never thrown (case/caseread.h).
    void reloadOrSay();
    void askAssessment();  // the Add Assessment Note form
    void considerationEdited(int row, int column);
    void assessmentEdited(int row, int column);
    void report(const QString &error);

    CaseContext m_context;
    bool m_loading = false;
    QLabel *m_status;
    QLabel *m_summary;
    QGroupBox *m_considerationsBox;
    QTableWidget *m_considerations;
    QGroupBox *m_assessmentsBox;
    QTableWidget *m_assessments;
    QLabel *m_assessmentsEmpty = nullptr;
    HeldControls *m_held;
};

} // namespace owb
