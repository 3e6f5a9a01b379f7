#pragma once
// Casework (framework.md §7): the segment-4 diagnostic review with its
// findings and the region's decision; the Recovery Support Programme with
// exit criteria; recovery plan milestones. Overdue items stand out. Every
// edit is an undo command.

#include "casecontext.h"

#include <QWidget>

class QFormLayout;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace owb {

struct CaseworkTable;
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
    QString recordExit(const QString &transitionPlan);
    QString addMilestone(const QString &description, const QString &due);
    // Status done and, unless already set, today as the date it was done.
    QString markMilestoneDone(qint64 id);
    // The quarter's segmentation decision: confirm the computed segment, or
    // correct it (a justified decision).
    QString recordDecision(bool correction, int segment, const QString &rationale);
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
    // Builds a form of line edits, one per column, that edit the record whose
    // id `recordId` holds when the user finishes with a field.
    QHash<QString, QLineEdit *> buildForm(QFormLayout *form, const CaseworkTable &table, const qint64 *recordId,
                                          const QStringList &columns, const QStringList &labels);
    void fillForm(const QHash<QString, QLineEdit *> &edits, const CaseworkTable &table, qint64 id);
    void fillTable(QTableWidget *table, const CaseworkTable &source, const QList<QVariantMap> &rows,
                   const QStringList &columns, const QString &doneColumn, const QString &doneValue);
    void tableEdited(QTableWidget *table, const CaseworkTable &source, const QStringList &columns, int row, int column);
    void report(const QString &error);
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
    QHash<QString, QLineEdit *> m_reviewEdits;
    QTableWidget *m_findings;
    QGroupBox *m_findingsBox;
    QTableWidget *m_findingEvidence;
    QGroupBox *m_reviewBox = nullptr;
    QGroupBox *m_decisionBox = nullptr;
    QLabel *m_programmeState;
    QPushButton *m_enterProgramme;
    QPushButton *m_exitProgramme;
    QWidget *m_programmeFormBox;
    QHash<QString, QLineEdit *> m_programmeEdits;
    QTableWidget *m_criteria;
    QGroupBox *m_criteriaBox;
    QTableWidget *m_milestones;
    QLabel *m_decisionState;
    QTableWidget *m_reviews;
    QTableWidget *m_trajectory;
    TrajectoryChart *m_trajectoryChart;
};

} // namespace owb
