#include "casesession.h"
#include "guarded.h"
#include "trajectory.h"

#include "commands/storecommand.h"
#include "data/quarterlabel.h"
#include "data/textlimits.h"
#include "store/auditlog.h"

#include <QDate>
#include <QDateTime>
#include <algorithm>

namespace owb {

CaseSession::CaseSession(const QString &path, const Methodology &methodology, QObject *parent, bool readOnly)
    : CaseSession(std::make_unique<CaseFile>(path, readOnly ? Database::Mode::ReadOnly : Database::Mode::OpenExisting),
                  methodology, parent, readOnly)
{
}

CaseSession::CaseSession(std::unique_ptr<CaseFile> caseFile, const Methodology &methodology, QObject *parent,
                         bool readOnly)
    : QObject(parent),
      m_readOnly(readOnly || caseFile->database().isReadOnly()),
      m_caseFile(std::move(caseFile)),
      m_methodology(methodology),
      m_identity(m_caseFile->identity()),
      m_capability(m_caseFile->scope()),
      m_notes(m_caseFile->scope()),
      m_casework(m_caseFile->scope())
{
    holdReads(true);
}

void CaseSession::holdReads(bool hold)
{
    m_caseFile->holdReads(hold);
    m_casework.holdReads(hold);
}

void CaseSession::readAgain()
{
    m_caseFile->forgetReads();
    m_casework.forgetReads();
}

void CaseSession::changedElsewhere()
{
    Q_EMIT capabilityChanged();
    Q_EMIT notesChanged();
    Q_EMIT caseworkChanged();
}

CaseSession::~CaseSession()
{
    m_undo.clear();  // commands refer to the stores: delete them first
}

QString CaseSession::currentUser()
{
    return auditlog::currentActor();
}

QString CaseSession::author() const
{
    const QString server = m_caseFile->isOnServer() ? m_caseFile->database().sessionUser() : QString();
    return server.isEmpty() ? currentUser() : server;
}

QString CaseSession::financialYear(const QString &quarter)
{
    const QString canonical = canonicalQuarter(quarter);
    return canonical.isEmpty() ? quarter : canonical.left(7); // "2026/27 Q1" -> "2026/27"
}

QString CaseSession::programmeName() const
{
    return m_methodology.hasProgramme() ? m_methodology.programmeName() : Methodology::builtIn().programmeName();
}

QString CaseSession::tooLong(const QStringList &texts) const
{
    for (const QString &text : texts)
        if (text.size() > kMaxFreeTextLength)
            return tr("%1: the text is %2 characters long; at most %3 are allowed, so nothing was changed.")
                .arg(m_caseFile->path())
                .arg(text.size())
                .arg(kMaxFreeTextLength);
    return {};
}

QString CaseSession::readOnlyWhy() const
{
    if (!m_readOnly)
        return {};
    return m_readOnlyWhy.isEmpty() ? tr("This workspace is open read-only (another instance holds it), so nothing "
                                        "can be changed here.")
                                   : m_readOnlyWhy;
}

QString CaseSession::setCapabilityArea(const QString &year, const QString &areaId, CapabilityArea::Field field,
                                       const QString &value)
{
    return guarded([&]() -> QString {
        const QString text = field == CapabilityArea::Notes ? tr("Edit capability notes")
                             : field == CapabilityArea::SelfRating ? tr("Change self-assessment rating")
                                                                   : tr("Change region's capability rating");
        if (const QString refused = tooLong({ value }); !refused.isEmpty())
            return refused;
        return push(new ChangeFieldCommand(
                        text, m_capability.areaField(year, areaId, field), m_capability.seenAreaVersion(year, areaId),
                        [this, year, areaId, field](const QString &v, qint64 expected) {
                            return m_capability.setAreaField(year, areaId, field, v, expected);
                        },
                        value, [this, year, areaId] { return m_capability.writtenAreaVersion(year, areaId); },
                        [this, year, areaId, field] { return m_capability.areaField(year, areaId, field); }),
                    &CaseSession::capabilityChanged);
    });
}

QString CaseSession::setCapabilityOverall(const QString &year, CapabilityOverall::Field field, const QString &value)
{
    return guarded([&]() -> QString {
        if (const QString refused = tooLong({ value }); !refused.isEmpty())
            return refused;
        // The date the region took its view has happened: the rule every casework date follows.
        if (field == CapabilityOverall::DecidedOn)
            if (const QString refused = valueProblem(QStringLiteral("decided_on"), value); !refused.isEmpty())
                return refused;
        return push(new ChangeFieldCommand(
                        tr("Change overall capability view"), m_capability.overallField(year, field),
                        m_capability.seenOverallVersion(year),
                        [this, year, field](const QString &v, qint64 expected) {
                            return m_capability.setOverallField(year, field, v, expected);
                        },
                        value, [this, year] { return m_capability.writtenOverallVersion(year); },
                        [this, year, field] { return m_capability.overallField(year, field); }),
                    &CaseSession::capabilityChanged);
    });
}

QString CaseSession::addEvidence(const EvidenceItem &item, const QByteArray &file)
{
    return guarded([&]() -> QString {
        if (const QString refused = tooLong({ item.title, item.source, item.fileName, item.date });
            !refused.isEmpty())
            return refused;
        return push(new AddEvidenceCommand(m_capability, item, file), &CaseSession::capabilityChanged);
    });
}

QString CaseSession::removeEvidence(const EvidenceItem &item)
{
    return guarded([&]() -> QString {
        return push(new RemoveEvidenceCommand(m_capability, item), &CaseSession::capabilityChanged);
    });
}

QString CaseSession::addNote(const QString &tagKind, const QString &tag, const QString &body)
{
    return guarded([&]() -> QString {
        if (const QString refused = tooLong({ tagKind, tag, body }); !refused.isEmpty())
            return refused;
        const Note note{0, QDateTime::currentDateTimeUtc().toString(Qt::ISODate), author(), tagKind, tag, body};
        return push(new AddNoteCommand(m_notes, note), &CaseSession::notesChanged);
    });
}

QString CaseSession::removeNote(const Note &note)
{
    return guarded([&]() -> QString {
        return push(new RemoveNoteCommand(m_notes, note), &CaseSession::notesChanged);
    });
}

QString CaseSession::setNoteBody(qint64 id, const QString &body)
{
    return guarded([&]() -> QString {
        if (const QString refused = tooLong({ body }); !refused.isEmpty())
            return refused;
        // The note as this user last read it: a save over someone else's edit conflicts.
        const qint64 seen = m_notes.seenVersion(id);
        return push(new ChangeFieldCommand(
                        tr("Edit note"), m_notes.body(id), seen,
                        [this, id](const QString &v, qint64 expected) { return m_notes.setBody(id, v, expected); }, body,
                        [this, id] { return m_notes.writtenVersion(id); }, [this, id] { return m_notes.body(id); }),
                    &CaseSession::notesChanged);
    });
}

QString CaseSession::addRecord(const CaseworkTable &table, const QVariantMap &given, const QString &text, qint64 *id)
{
    return guarded([&]() -> QString {
        QVariantMap values = given;
        // A planned value typed "58.5%" is stored as the number it is.
        if (&table == &trajectoryTable() && values.contains(QStringLiteral("planned")))
            values.insert(QStringLiteral("planned"), storedPlannedValue(values.value(QStringLiteral("planned")).toString()));
        // A milestone recorded as done was done the day it is recorded, unless
        // the form says when (as Mark Milestone Done does).
        const QString done = m_methodology.casework().milestoneStatuses.finalId;
        if (&table == &milestoneTable() && !done.isEmpty() && values.value(QStringLiteral("status")).toString() == done
            && values.value(QStringLiteral("done_date")).toString().isEmpty())
            values.insert(QStringLiteral("done_date"), QDate::currentDate().toString(Qt::ISODate));
        QStringList texts;
        for (const QVariant &value : values)
            texts.append(value.toString());
        if (const QString refused = tooLong(texts); !refused.isEmpty())
            return refused;
        // Each value given by the rules the forms apply beside its field (a
        // field left empty is the form's to require, as before).
        for (auto it = values.cbegin(); it != values.cend(); ++it)
            if (const QString problem = it.value().toString().trimmed().isEmpty()
                                            ? QString()
                                            : fieldValueProblem(table, it.key(), it.value().toString(), values, m_methodology);
                !problem.isEmpty())
                return tr("%1: %2 Nothing was changed.").arg(m_caseFile->path(), problem);
        if (const QString refused = m_casework.conflict(table, values, &m_methodology); !refused.isEmpty())
            return tr("%1: %2 Nothing was changed.").arg(m_caseFile->path(), refused);
        if (const QString refused = decidedReview(table, values); !refused.isEmpty())
            return refused;
        auto *command = new AddRecordCommand(m_casework, table, values, text);
        const QString error = push(command, &CaseSession::caseworkChanged);
        if (id)
            *id = error.isEmpty() ? command->recordId() : 0;  // a failed command is already deleted
        return error;
    });
}

QString CaseSession::recordDecision(const QString &quarter, bool correction, int segment, const QString &rationale,
                                   bool *replaced)
{
    return guarded([&]() -> QString {
        if (replaced)
            *replaced = false;
        const auto assessment = m_caseFile->assessment(quarter);
        const int computed = assessment ? assessment->result.segment : 0;
        if (computed <= 0)
            return tr("%1 has no computed segment to decide on.").arg(quarter);
        const int decided = correction ? segment : computed;
        if (correction && segment == computed)
            return tr("Segment %1 is the computed segment for %2: that is a confirmation, not a correction. Use "
                      "Confirm Computed Segment, or choose another segment.")
                .arg(computed)
                .arg(quarter);
        if (correction && (segment < 1 || segment > 5))
            return tr("%1 is not a segment (1 to 5).").arg(segment);
        // Segment 5 is the programme's (framework.md §3 step 4): a quarter in the
        // programme is 5 until the exit, and a quarter outside it becomes 5 only
        // by entering it.
        const bool programmeSegment = m_casework.hasProgrammeSegment(quarter);
        if (correction && segment == 5 && !programmeSegment)
            return tr("%1 has no programme segment (its methodology has no segment 5): choose a segment from 1 to 4.")
                .arg(yearOfQuarter(quarter));
        if (correction && segment == 5)
            return tr("Segment 5 is decided by entering the %1, not by a correction: use Enter the Programme.")
                .arg(programmeName());
        // In a year without a programme segment the programme does not decide
        // the segment (CaseworkStore::finalSegmentOf): it may be confirmed or corrected.
        if (m_casework.finalSegmentOf(quarter, computed).source == FinalSegment::Source::Programme)
            return tr("In %1 the organisation is in the %2, which decides its segment (5 until the exit is recorded): "
                      "there is nothing to confirm or correct.")
                .arg(quarter, programmeName());
        const QString kind = correction ? QStringLiteral("correction") : QStringLiteral("confirm");
        const QVariantMap earlier = m_casework.decision(quarter);
        if (!earlier.isEmpty() && earlier.value(QStringLiteral("kind")).toString() == kind
            && earlier.value(QStringLiteral("decided_segment")).toInt() == decided
            && (!correction || earlier.value(QStringLiteral("rationale")).toString() == rationale.trimmed()))
            return correction ? tr("This correction to segment %1 is already recorded for %2.").arg(decided).arg(quarter)
                              : tr("The computed segment %1 is already confirmed for %2.").arg(computed).arg(quarter);
        const QVariantMap values{ { QStringLiteral("quarter"), quarter }, { QStringLiteral("kind"), kind },
            { QStringLiteral("computed_segment"), computed }, { QStringLiteral("decided_segment"), decided },
            { QStringLiteral("rationale"), rationale.trimmed() }, { QStringLiteral("decided_by"), author() },
            { QStringLiteral("decided_on"), QDate::currentDate().toString(Qt::ISODate) } };
        const QString text = correction ? tr("Correct the segment") : tr("Confirm the segment");
        // One decision per quarter, in one transaction under the case's lock:
        // the quarter's decision must still be the one this user saw (none, or
        // that record at that version), or someone else decided meanwhile and
        // nothing is written (two people deciding at once never leave two
        // decisions, and a stale screen never replaces a decision unseen).
        // The new one takes the earlier one's place (a failure leaves it).
        beginGroup(text);
        QVariantMap stored;
        try {
            stored = m_casework.decision(quarter);  // as the transaction sees it
        } catch (const StoreError &error) {
            return endGroup(error.message());
        }
        // The same record at the same version, with the same values (ids are
        // never given twice, auditlog::newIdExpression; the values are
        // compared too, for a case file whose history was cut short by hand).
        const auto same = [](const QVariantMap &x, const QVariantMap &y) {
            QStringList columns = decisionTable().columns;
            columns << QStringLiteral("id") << QStringLiteral("row_version");
            return std::all_of(columns.cbegin(), columns.cend(), [&](const QString &c) {
                return x.value(c).toString() == y.value(c).toString();
            });
        };
        const bool meanwhile = stored.isEmpty() != earlier.isEmpty() || !same(stored, earlier);
        QString error = meanwhile ? decidedMeanwhile(quarter, stored) : QString();
        if (error.isEmpty() && !earlier.isEmpty())
            error = removeRecord(decisionTable(), earlier.value(QStringLiteral("id")).toLongLong(), text);
        if (error.isEmpty())
            error = addRecord(decisionTable(), values, text);
        error = endGroup(error);
        if (meanwhile) {
            readAgain();  // the screen shows the quarter as it is stored
            Q_EMIT caseworkChanged();
        }
        if (replaced)
            *replaced = error.isEmpty() && !earlier.isEmpty();
        return error;
    });
}

QString CaseSession::enterProgramme(const QString &quarter, const QString &reason, const QString &director)
{
    return guarded([&]() -> QString {
        return addRecord(programmeTable(),
                         { { QStringLiteral("entry_quarter"), quarter },
                             { QStringLiteral("entry_date"), dayIn(quarter, QDate::currentDate()).toString(Qt::ISODate) },
                             { QStringLiteral("reason"), reason.trimmed() },
                             { QStringLiteral("improvement_director"), director.trimmed() } },
                         tr("Enter the programme"));
    });
}

QString CaseSession::recordExit(const QString &quarter, const QString &transitionPlan, const QDate &date)
{
    return guarded([&]() -> QString {
        const qint64 programme = m_casework.programmeIn(quarter);
        if (programme == 0)
            return tr("The organisation is not in the programme in %1, so there is no exit to record.").arg(quarter);
        const QString exit = m_casework.field(programmeTable(), programme, QStringLiteral("exit_quarter"));
        if (!exit.isEmpty())
            return tr("The exit from the programme is already recorded for %1.").arg(exit);
        QVariantMap exited = m_casework.record(programmeTable(), programme);
        exited.insert(QStringLiteral("exit_quarter"), quarter);
        exited.insert(QStringLiteral("exit_date"), (date.isValid() ? date : dayIn(quarter, QDate::currentDate())).toString(Qt::ISODate));
        // Before the entry first, then outside its quarter, then the quarter itself.
        for (const QString &column : {QStringLiteral("exit_date"), QStringLiteral("exit_quarter")})
            if (const auto [later, problem] = dateOrderProblem(exited, column); !later.isEmpty())
                return tr("%1: %2 Nothing was changed.").arg(m_caseFile->path(), problem);
        // Three fields of the record in one write: one history entry, one undo step.
        return setRecordFields(programmeTable(), programme,
                               {{QStringLiteral("exit_quarter"), quarter},
                                {QStringLiteral("exit_date"), exited.value(QStringLiteral("exit_date")).toString()},
                                {QStringLiteral("transition_plan"), transitionPlan}},
                               tr("Record exit from the programme"));
    });
}

QString CaseSession::decidedReview(const CaseworkTable &table, const QVariantMap &record)
{
    // The diagnostic review the record belongs to: itself, a finding's, or an evidence item's finding's.
    QVariant review;
    if (&table == &reviewTable())
        review = record.value(QStringLiteral("id"));
    else if (&table == &findingTable())
        review = record.value(QStringLiteral("review_id"));
    else if (&table == &findingEvidenceTable())
        review = m_casework.record(findingTable(), record.value(QStringLiteral("finding_id")).toLongLong())
                     .value(QStringLiteral("review_id"));
    if (!review.isValid() || review.toLongLong() <= 0)
        return {};
    const QString decided = m_methodology.casework().reviewStages.finalId;
    if (decided.isEmpty()
        || m_casework.record(reviewTable(), review.toLongLong()).value(QStringLiteral("status")).toString() != decided)
        return {};
    return tr("The diagnostic review is decided: its fields, findings and evidence stay as they were when the region "
              "decided (Edit > Undo of the decision opens them again). Nothing was changed.");
}

QString CaseSession::removeRecord(const CaseworkTable &table, qint64 id, const QString &text)
{
    return guarded([&]() -> QString {
        if (const QString refused = decidedReview(table, m_casework.record(table, id)); !refused.isEmpty())
            return refused;
        return push(new RemoveRecordCommand(m_casework, table, id, text), &CaseSession::caseworkChanged);
    });
}

QString CaseSession::setSystemConsideration(const QString &quarter, const QString &considerationId,
                                            const QString &column, const QString &value)
{
    return guarded([&]() -> QString {
        if (column != QLatin1String("answer") && column != QLatin1String("evidence"))
            return tr("%1: no field \"%2\" in a system consideration").arg(m_caseFile->path(), column);
        for (const QVariantMap &row : m_casework.records(systemConsiderationTable(), QStringLiteral("quarter"), quarter))
            if (row.value(QStringLiteral("consideration_id")).toString() == considerationId)
                return setRecordField(systemConsiderationTable(), row.value(QStringLiteral("id")).toLongLong(), column, value);
        return addRecord(systemConsiderationTable(),
                         {{QStringLiteral("quarter"), quarter}, {QStringLiteral("consideration_id"), considerationId}, {column, value}},
                         tr("Answer system consideration"));
    });
}

QString CaseSession::setRecordField(const CaseworkTable &table, qint64 id, const QString &column, const QString &value)
{
    return guarded([&]() -> QString {
        QList<std::pair<QString, QString>> fields{{column, value}};
        // A milestone set to done is done today unless a date says when; one no
        // longer done keeps no date it was done. Both in one write: the history
        // never shows it done without its date, and one undo step puts both back.
        const QString done = m_methodology.casework().milestoneStatuses.finalId;
        QString text;
        if (&table == &milestoneTable() && column == QLatin1String("status") && !done.isEmpty()) {
            const QString date = m_casework.field(table, id, QStringLiteral("done_date"));
            if (isStatus(value, done) && date.isEmpty())
                fields.append({QStringLiteral("done_date"), QDate::currentDate().toString(Qt::ISODate)});
            else if (!isStatus(value, done) && !date.isEmpty())
                fields.append({QStringLiteral("done_date"), QString()});
            // The step named as the user knows it: Edit > Undo Mark milestone done.
            if (isStatus(value, done))
                text = tr("Mark milestone done");
        }
        return setRecordFields(table, id, fields, text);
    });
}

QString CaseSession::setRecordFields(const CaseworkTable &table, qint64 id,
                                     const QList<std::pair<QString, QString>> &fields, const QString &text)
{
    return guarded([&]() -> QString {
        // The record as this user last read it (before reading it again here): a
        // save over someone else's change conflicts.
        const qint64 seen = m_casework.seenVersion(table, id);
        const QVariantMap record = m_casework.record(table, id);
        QStringList columns;
        QStringList olds;
        QStringList values;
        QVariantMap changed = record;
        for (const auto &[column, typed] : fields) {
            // A planned value typed "58.5%" is stored as the number it is.
            const QString value = &table == &trajectoryTable() && column == QLatin1String("planned")
                                      ? storedPlannedValue(typed)
                                      : typed;
            // Measured from what this user saw: a field someone else set to the
            // same value meanwhile is still their change, a conflict to show.
            const QString old = m_casework.seenField(table, id, column);
            if (old == value || columns.contains(column))
                continue;
            columns.append(column);
            olds.append(old);
            values.append(value);
            changed.insert(column, value);
        }
        if (columns.isEmpty())
            return {}; // nothing changes: no step to undo, no entry in the history
        // Someone else stored exactly this meanwhile: nothing to write, but
        // the screen, which still shows what this user saw, is read again.
        bool storedAlready = true;
        for (qsizetype i = 0; i < columns.size() && storedAlready; ++i)
            storedAlready = m_casework.field(table, id, columns.at(i)) == values.at(i);
        if (storedAlready) {
            m_casework.forgetReads();
            Q_EMIT caseworkChanged();
            return tr("%1: someone else has stored this change already; the case now shows it. Nothing was "
                      "changed.")
                .arg(m_caseFile->path());
        }
        if (const QString refused = decidedReview(table, record); !refused.isEmpty())
            return refused;
        // Each field checked as the record will be with all of them.
        for (qsizetype i = 0; i < columns.size(); ++i)
            if (const QString problem = recordProblem(table, changed, columns.at(i)); !problem.isEmpty())
                return tr("%1: %2 Nothing was changed.").arg(m_caseFile->path(), problem);
        if (columns.size() == 1 && text.isEmpty())
            return changeField(table, id, columns.first(), values.first(), seen);
        auto *command = new ChangeFieldCommand(
            text.isEmpty() ? tr("Edit %1").arg(QString(table.name).replace(QLatin1Char('_'), QLatin1Char(' '))) : text,
            olds, seen,
            [this, &table, id, columns](const QStringList &v, qint64 expected) {
                return m_casework.setFields(table, id, columns, v, expected);
            },
            values, [this, &table, id] { return m_casework.writtenVersion(table, id); },
            [this, &table, id, columns] {
                QStringList stored;
                for (const QString &column : columns)
                    stored.append(m_casework.field(table, id, column));
                return stored;
            });
        command->setTargets(table.name, id, columns);
        return push(command, &CaseSession::caseworkChanged);
    });
}

QString CaseSession::fieldProblem(const CaseworkTable &table, qint64 id, const QString &column, const QString &value)
{
    try {
        QVariantMap changed = m_casework.record(table, id);
        changed.insert(column, value);
        return recordProblem(table, changed, column);
    } catch (const StoreError &error) { // the record cannot be read (a team workspace's connection lost)
        return error.message();
    }
}

QString CaseSession::storedField(const CaseworkTable &table, qint64 id, const QString &column, QString *error)
{
    try {
        return m_casework.field(table, id, column);
    } catch (const StoreError &failure) {
        *error = failure.message();
        return {};
    }
}

QString CaseSession::recordProblem(const CaseworkTable &table, const QVariantMap &changed, const QString &column)
{
    const QString value = changed.value(column).toString();
    if (const QString problem = fieldValueProblem(table, column, value, changed, m_methodology); !problem.isEmpty())
        return problem;
    if (const auto [later, problem] = m_casework.orderProblem(table, changed, column); !later.isEmpty())
        return problem;
    return {};
}

QString CaseSession::changeField(const CaseworkTable &table, qint64 id, const QString &column, const QString &value,
                                 qint64 seen)
{
    const QString old = m_casework.field(table, id, column);
    auto *command = new ChangeFieldCommand(
        tr("Edit %1").arg(QString(table.name).replace(QLatin1Char('_'), QLatin1Char(' '))), old, seen,
        [this, &table, id, column](const QString &v, qint64 expected) {
            return m_casework.setField(table, id, column, v, expected);
        },
        value, [this, &table, id] { return m_casework.writtenVersion(table, id); },
        [this, &table, id, column] { return m_casework.field(table, id, column); });
    command->setTarget(table.name, id, column);
    return push(command, &CaseSession::caseworkChanged);
}

} // namespace owb
