#pragma once
// The Casework tab's quarterly decision (framework.md §3 step 4): confirm the
// computed segment, or record a correction that starts from the computed
// segment, refuses it, and keeps its reason. Each is one undo step.

#include "casecontext.h"

#include <QGroupBox>

class QLabel;
class QPushButton;

namespace owb {

class DecisionSection : public QGroupBox
{
    Q_OBJECT
public:
    explicit DecisionSection(QWidget *parent = nullptr);
    void setContext(const CaseContext &context);
    void reload();
    // Where the quarter's decision stands, for the navigator.
    QString standing() const { return m_standing; }
    // Confirms the computed segment, or corrects it (a justified decision).
    QString recordDecision(bool correction, int segment, const QString &rationale);

Q_SIGNALS:
    // An edit was refused: what went wrong, in plain words.
    void problem(const QString &error);

private:
    void askCorrection();
    int computedSegment() const;

    CaseContext m_context;
    QLabel *m_state;
    QPushButton *m_correct;
    QString m_standing;
};

} // namespace owb
