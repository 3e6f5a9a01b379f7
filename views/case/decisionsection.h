#pragma once
// The Casework tab's quarterly decision (framework.md §3 step 4): confirm the
// computed segment, or record a correction that starts from the computed
// segment, refuses it, and keeps its reason. Each is one undo step. In a
// quarter the organisation is in the programme, the programme decides the
// segment (5 until the exit): the section says so and offers neither; a
// correction never decides segment 5, which only the programme's entry does.

#include "caseworksection.h"

class QLabel;
class QPushButton;

namespace owb {

class DecisionSection : public CaseworkSection
{
    Q_OBJECT
public:
    explicit DecisionSection(QWidget *parent = nullptr);
    // Applies where the framework segments the organisation (not ICBs in 2025/26).
    void reload() override;
    // Confirms the computed segment, or corrects it (a justified decision).
    QString recordDecision(bool correction, int segment, const QString &rationale);

private:
    void askCorrection();
    int computedSegment() const;

    QLabel *m_state;
    QPushButton *m_confirm;
    QPushButton *m_correct;
};

} // namespace owb
