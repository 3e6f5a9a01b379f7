// The audit trail of a team workspace is the server's to say: who made a
// change is the connection's session user, whatever the client sends, and an
// editor may add entries but never change or remove one; a workspace made
// before that is upgraded. And a case whose lock another session holds
// (a colleague's stalled transaction) refuses an edit within a few seconds,
// nothing written, instead of freezing the window. Runs against the
// throwaway cluster CTest starts (pgcluster.py, OWB_TEST_PG).

#include "casework/casesession.h"
#include "store/auditlog.h"
#include "store/casefile.h"
#include "store/teamworkspace.h"
#include "teamfixture.h"

#include <QDir>
#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <atomic>
#include <thread>

using namespace owb;
using namespace owb::teamtest;

namespace {

const QString kOrg = QStringLiteral("RAA");

// A team workspace with one empty case (kOrg) and an editor, alice_<db>.
struct Workspace
{
    ServerAddress server;
    ServerAddress asEditor;
};

Workspace workspaceWithEditor(const QString &stem)
{
    Workspace w;
    w.server = freshDatabase(stem);
    initTeamWorkspace(w.server, {});
    {
        Database cases(w.server, ServerArea::Cases, {}, Database::Mode::OpenExisting);
        CaseFile(cases, kOrg, Database::Mode::CreateIfMissing)
            .write(
                { kOrg, QStringLiteral("Trust RAA"), QStringLiteral("Acute"), QStringLiteral("North") }, {});
    }
    w.asEditor = w.server;
    w.asEditor.user = QStringLiteral("alice_%1").arg(w.server.database.right(8));
    adminScalar(w.server,
        QStringLiteral("CREATE ROLE %1 LOGIN IN ROLE %2_editor").arg(w.asEditor.user, w.server.database));
    return w;
}

int runCheck(const ServerAddress &server, QByteArray *out)
{
    QProcess check;
    check.start(QStringLiteral(OWB_BIN), { QStringLiteral("check"), server.url() });
    check.waitForFinished(300000);
    *out = check.readAllStandardOutput() + check.readAllStandardError();
    return check.exitStatus() == QProcess::NormalExit ? check.exitCode() : -1;
}

QString auditRows(const ServerAddress &server)
{
    return adminScalar(server,
        QStringLiteral(
            "SELECT string_agg(org_code || seq || actor || coalesce(hash, '-'), ',' ORDER BY org_code, seq)"
            " FROM cases.audit_log"))
        .toString();
}

// A workspace as steps 1 and 2 of the server's ladder left it (before the
// server refused what owb check finds): audit entries insertable by hand,
// the audit triggers' functions the invoker's, dates and decisions as free
// as a text column.
void backToVersionTwo(const ServerAddress &server)
{
    adminScalar(server,
        QStringLiteral(
            "DO $$ DECLARE r record; BEGIN"
            " FOR r IN SELECT c.conrelid::regclass AS t, c.conname FROM pg_constraint c"
            "  JOIN pg_namespace n ON n.oid = c.connamespace WHERE n.nspname = 'cases' AND c.contype = 'c'"
            "  AND c.conname ~ '_(is_a_date|is_a_time|is_a_kind|is_1_to_4|kept_by_a_confirmation|is_recorded|given_by_a_correction|is_a_quarter)$' LOOP"
            "  EXECUTE format('ALTER TABLE %s DROP CONSTRAINT %I', r.t, r.conname);"
            " END LOOP;"
            " FOR r IN SELECT p.oid::regprocedure AS f FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace"
            "  WHERE n.nspname = 'cases' AND p.proname LIKE 'audit\\_%' AND p.proname <> 'audit_seal' AND p.prosecdef LOOP"
            "  EXECUTE format('ALTER FUNCTION %s SECURITY INVOKER RESET search_path', r.f);"
            "  EXECUTE format('GRANT EXECUTE ON FUNCTION %s TO PUBLIC', r.f);"
            " END LOOP;"
            " END $$"));
    for (const char *sql : { "DROP TRIGGER decision_as_recorded ON cases.decision",
             "DROP FUNCTION cases.decision_as_recorded()", "DROP TRIGGER audit_entry_from_a_change ON cases.audit_log",
             "DROP FUNCTION cases.audit_entry_from_a_change()", "DROP FUNCTION owb.is_iso_time(text)",
             "DROP FUNCTION owb.is_iso_date(text)", "UPDATE owb.schema_version SET version = 2" })
        adminScalar(server, QString::fromLatin1(sql));
}

// A workspace as step 1 of the server's ladder alone left it (before the
// audit trail's "who" was the server's): no "who" triggers, no seal
// function, editors allowed to rewrite an entry's actor and hash.
void backToVersionOne(const ServerAddress &server)
{
    backToVersionTwo(server);
    for (const char *sql : { "DROP TRIGGER audit_entry_who ON cases.audit_log",
             "DROP TRIGGER note_who ON cases.note", "DROP TRIGGER decision_who ON cases.decision",
             "DROP TRIGGER methodology_file_who ON national.methodology_file",
             "DROP TRIGGER methodology_log_who ON national.methodology_log",
             "DROP FUNCTION cases.audit_entry_who()", "DROP FUNCTION owb.writer_is_session_user()",
             "DROP FUNCTION cases.audit_seal(text, integer, text)",
             "UPDATE owb.schema_version SET version = 1" })
        adminScalar(server, QString::fromLatin1(sql));
    adminScalar(server,
        QStringLiteral("GRANT UPDATE (actor, hash) ON cases.audit_log TO %1_editor").arg(server.database));
}

} // namespace

class TestTeamAudit : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { OWB_REQUIRE_CLUSTER("the team audit trail"); }

    // As alice, at the server's own prompt: no entry can be rewritten or
    // removed, and one added names alice, unsealed, whatever it says.
    void editorCannotRewriteTheAuditTrail()
    {
        const Workspace w = workspaceWithEditor(QStringLiteral("who"));
        const QString before = auditRows(w.server);
        QVERIFY(!before.isEmpty());
        RawConnection alice(w.asEditor);
        QCOMPARE(alice.run(QStringLiteral("UPDATE cases.audit_log SET actor = 'bob' WHERE org_code = 'RAA'")),
            QStringLiteral("42501"));
        QCOMPARE(alice.run(QStringLiteral("UPDATE cases.audit_log SET hash = 'x' WHERE org_code = 'RAA'")),
            QStringLiteral("42501"));
        QCOMPARE(alice.run(QStringLiteral("DELETE FROM cases.audit_log WHERE org_code = 'RAA'")),
            QStringLiteral("42501"));
        QCOMPARE(alice.run(QStringLiteral("TRUNCATE cases.audit_log")), QStringLiteral("42501"));
        QCOMPARE(alice.run(QStringLiteral("ALTER TABLE cases.audit_log DISABLE TRIGGER USER")),
            QStringLiteral("42501"));
        QCOMPARE(auditRows(w.server), before);

        // An entry of her own making, under bob's name with a hash of its
        // own: it records no change, and the server refuses it in words.
        QCOMPARE(alice.run(QStringLiteral(
                     "INSERT INTO cases.audit_log (org_code, seq, at, actor, table_name, row_key,"
                     " action, after, hash) VALUES ('RAA', 100, 'x', 'bob', 'note', '1', 'insert',"
                     " '{}', 'forged')")),
            QStringLiteral("P0001"));
        QVERIFY2(alice.lastMessage().contains(QStringLiteral(
                     "the audit trail records the changes made to a case's records, written by the server as each "
                     "change is made: %1 may not add entry 100 to case RAA by hand; nothing was changed")
                                                  .arg(w.asEditor.user)),
            qPrintable(alice.lastMessage()));
        // ... nor passing it off as one of the server's: its trigger functions
        // are the owner's to attach, and COPY is an insert like any other.
        QCOMPARE(alice.run(QStringLiteral("CREATE TEMP TABLE note (LIKE cases.note)")), QString());
        QCOMPARE(alice.run(QStringLiteral("CREATE TRIGGER forge AFTER INSERT ON pg_temp.note"
                                          " FOR EACH ROW EXECUTE FUNCTION cases.audit_note()")),
            QStringLiteral("42501"));
        QCOMPARE(auditRows(w.server), before);

        // A change of her own (a note, through psql): its entry is alice's,
        // unsealed, whatever her statement says.
        QCOMPARE(alice.run(QStringLiteral("INSERT INTO cases.note (org_code, id, created_at, author, body)"
                                          " VALUES ('RAA', 1, '2026-02-16T10:00:00Z', 'bob', 'hello')")),
            QString());
        const int mine = adminScalar(w.server, QStringLiteral("SELECT max(seq) FROM cases.audit_log")).toInt();
        QCOMPARE(adminScalar(w.server,
                     QStringLiteral("SELECT actor || '/' || coalesce(hash, 'unsealed') FROM cases.audit_log"
                                    " WHERE org_code = 'RAA' AND seq = %1")
                         .arg(mine)),
            QVariant(w.asEditor.user + QStringLiteral("/unsealed")));
        // The seal is for an unsealed entry of one's own, once.
        QCOMPARE(
            alice.run(QStringLiteral("SELECT cases.audit_seal('RAA', 1, 'x')")), QStringLiteral("P0001"));
        QCOMPARE(alice.run(QStringLiteral("SELECT cases.audit_seal('RAA', %1, 'mine')").arg(mine)), QString());
        QCOMPARE(alice.run(QStringLiteral("SELECT cases.audit_seal('RAA', %1, 'again')").arg(mine)),
            QStringLiteral("P0001"));

        // A note's author and a decision's decided_by: the session user.
        QCOMPARE(alice.run(QStringLiteral(
                     "INSERT INTO cases.decision (org_code, id, quarter, kind, computed_segment, decided_segment,"
                     " decided_by) SELECT 'RAA', 1, '2025/26 Q1', 'confirm', s, s, 'bob' FROM (SELECT coalesce((SELECT"
                     " segment FROM cases.assessment WHERE org_code = 'RAA' AND quarter = '2025/26 Q1'), 2) AS s) a")),
            QString());
        QCOMPARE(alice.run(QStringLiteral(
                     "UPDATE cases.note SET author = 'carol', body = 'changed' WHERE org_code = 'RAA'")),
            QString());
        QCOMPARE(adminScalar(w.server, QStringLiteral("SELECT author || '/' || body FROM cases.note")),
            QVariant(w.asEditor.user + QStringLiteral("/changed")));
        QCOMPARE(adminScalar(w.server, QStringLiteral("SELECT decided_by FROM cases.decision")),
            QVariant(w.asEditor.user));
        // ... and what the audit trail recorded of them.
        QCOMPARE(adminScalar(w.server,
                     QStringLiteral("SELECT count(*) FROM cases.audit_log WHERE actor <> '%1'"
                                    " AND table_name IN ('note', 'decision')")
                         .arg(w.asEditor.user)),
            QVariant(0));
        QCOMPARE(adminScalar(w.server,
                     QStringLiteral("SELECT count(*) FROM cases.audit_log WHERE after LIKE '%bob%'"
                                    " OR after LIKE '%carol%'"))
                     .toInt(),
            0);
    }

    // An edit through the workbench's own classes: its entries are alice's,
    // sealed over what the server stored, and owb check finds the chain whole.
    void anEditIsAuthoredByTheSessionUser()
    {
        const Workspace w = workspaceWithEditor(QStringLiteral("edit"));
        {
            Database cases(w.asEditor, ServerArea::Cases, {}, Database::Mode::OpenExisting);
            CaseSession session(std::make_unique<CaseFile>(cases, kOrg), Methodology::builtIn());
            QCOMPARE(session.addNote(QString(), QString(), QStringLiteral("first")), QString());
            QCOMPARE(session.notes().notes().first().author, w.asEditor.user);
            const CaseScope scope { cases, kOrg };
            QCOMPARE(auditlog::verify(scope), QStringList());
            const QList<AuditEntry> entries = auditlog::entries(scope, QStringLiteral("note"));
            QCOMPARE(entries.size(), 1);
            QCOMPARE(entries.first().actor, w.asEditor.user);
            QVERIFY(!entries.first().hash.isEmpty());
        }
        QByteArray out;
        QCOMPARE(runCheck(w.server, &out), 0);
        QVERIFY2(out.contains(": 1 case checked, clean"), out.constData());
    }

    // Tester (issue 14): an undo puts a removed record back as a new insert,
    // and the server named its writer anew, so a colleague's decision or
    // note came back as the undoer's. Put back exactly as it was removed, it
    // keeps its writer; anything else inserted under that id is the session
    // user's.
    void aRecordPutBackKeepsItsWriter()
    {
        const Workspace w = workspaceWithEditor(QStringLiteral("putback"));
        {
            Database cases(w.asEditor, ServerArea::Cases, {}, Database::Mode::OpenExisting);
            CaseSession alice(std::make_unique<CaseFile>(cases, kOrg), Methodology::builtIn());
            QCOMPARE(alice.addNote(QString(), QString(), QStringLiteral("alice's note")), QString());
        }
        Database cases(w.server, ServerArea::Cases, {}, Database::Mode::OpenExisting);
        CaseSession owner(std::make_unique<CaseFile>(cases, kOrg), Methodology::builtIn());
        const Note note = owner.notes().notes().first();
        QCOMPARE(note.author, w.asEditor.user);
        QCOMPARE(owner.removeNote(note), QString());
        QCOMPARE(owner.undo(), QString());
        QCOMPARE(owner.notes().notes().size(), 1);
        QCOMPARE(owner.notes().notes().first().author, w.asEditor.user);
        QCOMPARE(auditlog::verify(CaseScope { cases, kOrg }), QStringList());
        // The same id with other words: a new writing, the session user's
        // (here the owner's, not alice's).
        RawConnection raw(w.server);
        QCOMPARE(raw.run(QStringLiteral("DELETE FROM cases.note WHERE org_code = '%1'").arg(kOrg)), QString());
        QCOMPARE(raw.run(QStringLiteral("INSERT INTO cases.note (org_code, id, created_at, author, tag_kind, tag, body,"
                                        " row_version) VALUES ('%1', %2, '%3', '%4', '', '', 'other words', 9)")
                             .arg(kOrg).arg(note.id).arg(note.createdAt, w.asEditor.user)),
                 QString());
        const QString writer = raw.scalar(QStringLiteral("SELECT author FROM cases.note WHERE org_code = '%1'").arg(kOrg)).toString();
        QCOMPARE(writer, raw.scalar(QStringLiteral("SELECT session_user")).toString());
        QVERIFY(writer != w.asEditor.user);
    }

    // A workspace made before the step: opened by an editor, the upgrade is
    // refused in plain words, nothing changed; opened by its owner, it is
    // upgraded, its chains still whole, and alice can no longer rewrite them.
    void upgradesAWorkspaceOfVersionOne()
    {
        const Workspace w = workspaceWithEditor(QStringLiteral("upgrade"));
        backToVersionOne(w.server);
        {
            RawConnection alice(w.asEditor); // as it was: alice could
            QCOMPARE(
                alice.run(QStringLiteral("UPDATE cases.audit_log SET actor = actor WHERE org_code = 'RAA'")),
                QString());
        }
        const QString message
            = errorOf([&] { Database(w.asEditor, ServerArea::Cases, {}, Database::Mode::OpenExisting); });
        QVERIFY2(message.contains(QLatin1String(
                     "needs an upgrade (the audit trail's authors set by the server) that only the "
                     "owner of its tables (postgres) can make")),
            qPrintable(message));
        QCOMPARE(
            adminScalar(w.server, QStringLiteral("SELECT version FROM owb.schema_version")), QVariant(1));

        const QString readOnly = errorOf([&] { teamWorkspaceInfo(w.server, {}); });
        QVERIFY2(readOnly.contains(
                     QLatin1String("its owner makes it by running owb team roles with this address once")),
            qPrintable(readOnly));
        const QString before = auditRows(w.server);
        const TeamRolesReport roles = restoreTeamRoles(w.server, {}); // the owner's command
        QVERIFY(roles.created.isEmpty());
        QCOMPARE(adminScalar(w.server, QStringLiteral("SELECT version FROM owb.schema_version")),
            QVariant(teamWorkspaceSchema().currentVersion()));
        QCOMPARE(auditRows(w.server), before);
        RawConnection alice(w.asEditor);
        QCOMPARE(alice.run(QStringLiteral("UPDATE cases.audit_log SET actor = 'bob' WHERE org_code = 'RAA'")),
            QStringLiteral("42501"));
        {
            Database cases(w.asEditor, ServerArea::Cases, {}, Database::Mode::OpenExisting);
            CaseSession session(std::make_unique<CaseFile>(cases, kOrg), Methodology::builtIn());
            QCOMPARE(session.addNote(QString(), QString(), QStringLiteral("after the upgrade")), QString());
        }
        QByteArray out;
        QCOMPARE(runCheck(w.server, &out), 0);
        QVERIFY2(out.contains(": 1 case checked, clean"), out.constData());
    }

    // Issue 14: what owb check would only find later is refused as it is
    // written, whoever writes it: a date or a note's time not written as the
    // workbench writes it, and a quarterly decision no workbench records.
    void freeTextDatesAndImpossibleDecisionsAreRefused()
    {
        const Workspace w = workspaceWithEditor(QStringLiteral("rules"));
        RawConnection alice(w.asEditor);
        const auto note = [](const QString &createdAt) {
            return QStringLiteral("INSERT INTO cases.note (org_code, id, created_at, author, body)"
                                  " VALUES ('RAA', 1, '%1', 'alice', 'hello')")
                .arg(createdAt);
        };
        for (const char *refused : { "yesterday", "2026-02-30T10:00:00Z", "2026-02-16 10:00", "2026-02-16" }) {
            QCOMPARE(alice.run(note(QString::fromLatin1(refused))), QStringLiteral("23514"));
            QVERIFY2(alice.lastMessage().contains(QLatin1String("note_created_at_is_a_time")),
                qPrintable(alice.lastMessage()));
        }
        QCOMPARE(alice.run(note(QStringLiteral("2026-02-16T10:00:00Z"))), QString());
        const auto decision = [](int id, const QString &kind, const QString &computed, int decided, const QString &on) {
            return QStringLiteral("INSERT INTO cases.decision (org_code, id, quarter, kind, computed_segment,"
                                  " decided_segment, decided_on, rationale)"
                                  " VALUES ('RAA', %1, '2025/26 Q1', '%2', %3, %4, '%5', 'late data')")
                .arg(id)
                .arg(kind, computed)
                .arg(decided)
                .arg(on);
        };
        QCOMPARE(alice.run(decision(1, QStringLiteral("correction"), QStringLiteral("3"), 2, QStringLiteral("last tuesday"))),
            QStringLiteral("23514"));
        QCOMPARE(alice.run(decision(1, QStringLiteral("correction"), QStringLiteral("3"), 7, QStringLiteral("2026-01-12"))),
            QStringLiteral("23514"));
        QCOMPARE(alice.run(decision(1, QStringLiteral("correction"), QStringLiteral("3"), 5, QStringLiteral("2026-01-12"))),
            QStringLiteral("23514"));
        QCOMPARE(alice.run(decision(1, QStringLiteral("overrule"), QStringLiteral("3"), 2, QStringLiteral("2026-01-12"))),
            QStringLiteral("23514"));
        QCOMPARE(alice.run(decision(1, QStringLiteral("confirm"), QStringLiteral("3"), 1, QStringLiteral("2026-01-12"))),
            QStringLiteral("23514"));
        QCOMPARE(alice.run(decision(1, QStringLiteral("correction"), QStringLiteral("3"), 2, QStringLiteral("2026-01-12"))),
            QString());
        // Tester (issue 14): a second decision for the quarter, none with
        // no computed segment, a correction without its reason, a quarter
        // no workbench writes.
        QCOMPARE(alice.run(decision(2, QStringLiteral("confirm"), QStringLiteral("3"), 3, QStringLiteral("2026-01-12"))),
            QStringLiteral("23514"));
        QVERIFY2(alice.lastMessage().contains(QLatin1String("there is one decision per quarter")),
            qPrintable(alice.lastMessage()));
        QCOMPARE(alice.run(QStringLiteral("INSERT INTO cases.decision (org_code, id, quarter, kind, computed_segment,"
                                          " decided_segment) VALUES ('RAA', 3, '2025/26 Q2', 'confirm', NULL, 3)")),
            QStringLiteral("23514"));
        QCOMPARE(alice.run(QStringLiteral("INSERT INTO cases.decision (org_code, id, quarter, kind, computed_segment,"
                                          " decided_segment, rationale) VALUES ('RAA', 3, '2025/26 Q2', 'correction',"
                                          " NULL, 2, ' ')")),
            QStringLiteral("23514"));
        QCOMPARE(alice.run(QStringLiteral("INSERT INTO cases.decision (org_code, id, quarter, kind, computed_segment,"
                                          " decided_segment) VALUES ('RAA', 3, '2031/32 Q9', 'confirm', 3, 3)")),
            QStringLiteral("23514"));
        QVERIFY2(alice.lastMessage().contains(QLatin1String("decision_quarter_is_a_quarter")),
            qPrintable(alice.lastMessage()));
        QCOMPARE(alice.run(QStringLiteral("UPDATE cases.decision SET decided_on = '12/01/2026' WHERE org_code = 'RAA'")),
            QStringLiteral("23514"));
        QCOMPARE(alice.run(QStringLiteral("UPDATE cases.decision SET decided_on = '' WHERE org_code = 'RAA'")), QString());
        QCOMPARE(alice.run(QStringLiteral("INSERT INTO cases.milestone (org_code, id, description, due_date)"
                                          " VALUES ('RAA', 1, 'Board', '31/03/2026')")),
            QStringLiteral("23514"));
        QCOMPARE(alice.run(QStringLiteral("INSERT INTO cases.milestone (org_code, id, description, due_date)"
                                          " VALUES ('RAA', 1, 'Board', '2026-03-31')")),
            QString());
        QCOMPARE(adminScalar(w.server, QStringLiteral("SELECT count(*) FROM cases.note")), QVariant(1));
        QCOMPARE(adminScalar(w.server, QStringLiteral("SELECT count(*) FROM cases.decision")), QVariant(1));
        // Through the workbench's own connection: said in words.
        Database cases(w.asEditor, ServerArea::Cases, {}, Database::Mode::OpenExisting);
        const QString said = errorOf([&] {
            cases.exec(QStringLiteral("UPDATE note SET created_at = 'today' WHERE org_code = 'RAA'"));
        });
        QVERIFY2(said.contains(QLatin1String(
                     "the change cannot be saved: the server refuses a note record whose created at is not a time as "
                     "the workbench writes it (YYYY-MM-DDTHH:MM:SSZ, in UTC)")),
            qPrintable(said));
        const QString segment = errorOf([&] {
            cases.exec(QStringLiteral("UPDATE decision SET decided_segment = 7 WHERE org_code = 'RAA'"));
        });
        QVERIFY2(segment.contains(QLatin1String("the server refuses a decision record whose decided segment is not a "
                                                "segment a decision can set (1 to 4")),
            qPrintable(segment));
        QByteArray out;
        QCOMPARE(runCheck(w.server, &out), 2); // the psql rows are unsealed, but no date or decision is named
        QVERIFY2(!out.contains("is not a date") && !out.contains("(table decision"), out.constData());
    }

    // A workspace of version 2 holding rows the new rules refuse: an editor
    // is told to ask the owner; the owner's upgrade goes through, keeps the
    // rows, and holds every new row to the rules (the old ones' rules left
    // unvalidated); owb check names the rows; put right, owb team roles
    // validates the rules.
    void upgradesAWorkspaceOfVersionTwo()
    {
        const Workspace w = workspaceWithEditor(QStringLiteral("upgrade2"));
        backToVersionTwo(w.server);
        adminScalar(w.server,
            QStringLiteral("INSERT INTO cases.note (org_code, id, created_at, author, body)"
                           " VALUES ('RAA', 1, 'yesterday', 'alice', 'old'), ('RAA', 2, '2026-02-16T10:00:00Z', 'alice', 'fine');"
                           " INSERT INTO cases.milestone (org_code, id, description, due_date)"
                           " VALUES ('RAA', 1, 'Board', '31/03/2026');"
                           " INSERT INTO cases.capability_overall (org_code, year, decided_on)"
                           " VALUES ('RAA', '2025/26', 'last spring');"
                           " INSERT INTO cases.decision (org_code, id, quarter, kind, computed_segment, decided_segment)"
                           " VALUES ('RAA', 1, '2025/26 Q1', 'correction', 3, 7), ('RAA', 2, '2025/26 Q1', 'confirm', 3, 3)"));
        {
            RawConnection alice(w.asEditor); // as it was: alice could forge an entry
            QCOMPARE(alice.run(QStringLiteral("INSERT INTO cases.audit_log (org_code, seq, at, table_name, row_key,"
                                              " action) VALUES ('RAA', 500, 'x', 'note', '1', 'insert')")),
                QString());
        }
        const QString message
            = errorOf([&] { Database(w.asEditor, ServerArea::Cases, {}, Database::Mode::OpenExisting); });
        QVERIFY2(message.contains(QLatin1String(
                     "needs an upgrade (the server refusing audit entries, dates and decisions owb check would find "
                     "wrong) that only the owner of its tables (postgres) can make: ask them to run owb team roles "
                     "with this address once; nothing was changed")),
            qPrintable(message));
        QCOMPARE(adminScalar(w.server, QStringLiteral("SELECT version FROM owb.schema_version")), QVariant(2));

        restoreTeamRoles(w.server, {}); // the owner's command
        QCOMPARE(adminScalar(w.server, QStringLiteral("SELECT version FROM owb.schema_version")), QVariant(3));
        QCOMPARE(adminScalar(w.server, QStringLiteral("SELECT count(*) FROM cases.note")), QVariant(2));
        const auto validated = [&](const QString &constraint) {
            return adminScalar(w.server,
                QStringLiteral("SELECT convalidated FROM pg_constraint WHERE conname = '%1'").arg(constraint))
                .toBool();
        };
        QVERIFY(!validated(QStringLiteral("note_created_at_is_a_time")));
        QVERIFY(!validated(QStringLiteral("milestone_due_date_is_a_date")));
        QVERIFY(!validated(QStringLiteral("decision_decided_segment_is_1_to_4")));
        QVERIFY(validated(QStringLiteral("decision_kind_is_a_kind")));
        QVERIFY(validated(QStringLiteral("programme_entry_date_is_a_date")));
        RawConnection alice(w.asEditor);
        QCOMPARE(alice.run(QStringLiteral("INSERT INTO cases.note (org_code, id, created_at, author, body)"
                                          " VALUES ('RAA', 3, 'today', 'alice', 'new')")),
            QStringLiteral("23514"));
        QCOMPARE(alice.run(QStringLiteral("INSERT INTO cases.audit_log (org_code, seq, at, table_name, row_key,"
                                          " action) VALUES ('RAA', 501, 'x', 'note', '1', 'insert')")),
            QStringLiteral("P0001"));

        QByteArray out;
        QCOMPARE(runCheck(w.server, &out), 2);
        for (const char *named :
            { "case RAA: note 1 (table note, created_at): \"yesterday\" is not a time as the workbench writes it "
              "(YYYY-MM-DDTHH:MM:SSZ, in UTC); stored before the server refused such values, it was kept: correct the "
              "record or remove it, then run owb team roles",
                "case RAA: milestone 1 (table milestone, due_date): \"31/03/2026\" is not a date as the workbench "
                "writes it (YYYY-MM-DD, or empty)",
                "case RAA: capability overall 2025/26 (table capability_overall, decided_on): \"last spring\" is not "
                "a date",
                "case RAA: decision 1 (table decision, decided_segment): \"7\" is not a segment a decision can set",
                "(table decision, quarter): 2 decisions for 2025/26 Q1" })
            QVERIFY2(out.contains(named), out.constData());
        QVERIFY2(!out.contains("note 2 (table note"), out.constData());

        // Put right (the forged entry too, by the owner), the rules hold for every row.
        adminScalar(w.server,
            QStringLiteral("DELETE FROM cases.note WHERE id = 1; UPDATE cases.milestone SET due_date = '2026-03-31';"
                           " DELETE FROM cases.decision; DELETE FROM cases.capability_overall; ALTER TABLE cases.audit_log DISABLE TRIGGER USER;"
                           " DELETE FROM cases.audit_log WHERE seq >= 500; ALTER TABLE cases.audit_log ENABLE TRIGGER USER"));
        restoreTeamRoles(w.server, {});
        QVERIFY(validated(QStringLiteral("note_created_at_is_a_time")));
        QVERIFY(validated(QStringLiteral("milestone_due_date_is_a_date")));
        QVERIFY(validated(QStringLiteral("decision_decided_segment_is_1_to_4")));
        QCOMPARE(runCheck(w.server, &out), 2); // the owner's hand edits are unsealed entries
        QVERIFY2(!out.contains("is not a") && !out.contains("(table decision"), out.constData());
    }

    // A folder whose case file holds a date the server refuses (written by
    // another program, its audit chain intact): owb check names the record,
    // and owb team push, which checks first, refuses the folder for it.
    void aFreeTextDateIsNamedBeforeAPush()
    {
        QTemporaryDir dir;
        const QString folder = dir.filePath(QStringLiteral("demo"));
        QProcess demo;
        demo.start(QStringLiteral(OWB_BIN), { QStringLiteral("demo"), folder });
        QVERIFY(demo.waitForFinished(300000) && demo.exitCode() == 0);
        const QString file = QDir(folder).filePath(QStringLiteral("ZBL.owcase"));
        {
            const QString connection = QUuid::createUuid().toString();
            {
                QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
                db.setDatabaseName(file);
                QVERIFY(db.open());
                QSqlQuery q(db);
                QVERIFY(q.exec(QStringLiteral("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'")));
                QStringList names, triggers;
                while (q.next()) {
                    names.append(q.value(0).toString());
                    triggers.append(q.value(1).toString());
                }
                for (const QString &name : names)
                    QVERIFY(q.exec(QStringLiteral("DROP TRIGGER \"%1\"").arg(name)));
                QVERIFY(q.exec(QStringLiteral("UPDATE milestone SET due_date = '31/03/2026' WHERE id = 1")));
                QVERIFY(q.exec(QStringLiteral("UPDATE note SET created_at = 'last week' WHERE id = 1")));
                for (const QString &sql : triggers)
                    QVERIFY(q.exec(sql));
            }
            QSqlDatabase::removeDatabase(connection);
        }
        const QStringList named {
            QStringLiteral("%1: milestone 1 (table milestone, due_date): \"31/03/2026\" is not a date as the "
                           "workbench writes it (YYYY-MM-DD, or empty); a team workspace's server refuses it (owb "
                           "team push would too): correct the record or remove it")
                .arg(file),
            QStringLiteral("%1: note 1 (table note, created_at): \"last week\" is not a time as the workbench "
                           "writes it (YYYY-MM-DDTHH:MM:SSZ, in UTC)")
                .arg(file),
        };
        QProcess check;
        check.start(QStringLiteral(OWB_BIN), { QStringLiteral("check"), folder });
        QVERIFY(check.waitForFinished(300000));
        const QString checked = QString::fromUtf8(check.readAllStandardOutput() + check.readAllStandardError());
        QCOMPARE(check.exitCode(), 2);
        for (const QString &line : named)
            QVERIFY2(checked.contains(line), qPrintable(checked));

        const ServerAddress server = freshDatabase(QStringLiteral("pushdates"));
        initTeamWorkspace(server, {});
        QProcess push;
        push.start(QStringLiteral(OWB_BIN), { QStringLiteral("team"), QStringLiteral("push"), folder, server.url() });
        QVERIFY(push.waitForFinished(300000));
        const QString refused = QString::fromUtf8(push.readAllStandardOutput() + push.readAllStandardError());
        QCOMPARE(push.exitCode(), 2);
        for (const QString &line : named)
            QVERIFY2(refused.contains(line), qPrintable(refused));
        QCOMPARE(adminScalar(server, QStringLiteral("SELECT count(*) FROM cases.organisation")), QVariant(0));
    }

    // The trail is the owner's trigger's, not the editor's: an editor with no
    // right to insert into the audit log still writes a note, with its entry.
    // A note the server refuses is said as the note records the user was
    // writing, never the audit log; nothing is stored.
    void aRefusedNoteNamesNotes()
    {
        const Workspace w = workspaceWithEditor(QStringLiteral("named"));
        adminScalar(w.server, QStringLiteral("REVOKE INSERT ON cases.audit_log FROM %1_editor").arg(w.server.database));
        Database cases(w.asEditor, ServerArea::Cases, {}, Database::Mode::OpenExisting);
        CaseSession session(std::make_unique<CaseFile>(cases, kOrg), Methodology::builtIn());
        QCOMPARE(session.addNote(QString(), QString(), QStringLiteral("allowed")), QString());
        QCOMPARE(adminScalar(w.server, QStringLiteral("SELECT count(*) FROM cases.audit_log WHERE table_name = 'note'")),
            QVariant(1));

        adminScalar(w.server, QStringLiteral("REVOKE INSERT ON cases.note FROM %1_editor").arg(w.server.database));
        const QString audit = auditRows(w.server);
        const QString refused = session.addNote(QString(), QString(), QStringLiteral("not allowed"));
        QVERIFY2(refused.contains(QStringLiteral("Your account %1 may not change the note records of the team workspace "
                                                 "%2 on this machine. Ask its administrator for the %2_editor role.")
                                      .arg(w.asEditor.user, w.server.database)),
                 qPrintable(refused));
        QVERIFY2(!refused.contains(QStringLiteral("audit")), qPrintable(refused));
        QCOMPARE(adminScalar(w.server, QStringLiteral("SELECT count(*) FROM cases.note")), QVariant(1));
        QCOMPARE(auditRows(w.server), audit);

        // A write's first read of the trail (its next id) refused: said as
        // the case's records, never the audit log (tester, issue 14).
        adminScalar(w.server, QStringLiteral("GRANT INSERT ON cases.note TO %1_editor; REVOKE SELECT ON cases.audit_log FROM %1_editor, %1_reader")
                                  .arg(w.server.database));
        const QString trail = session.addNote(QString(), QString(), QStringLiteral("not allowed either"));
        QVERIFY2(trail.contains(QStringLiteral("may not")), qPrintable(QStringLiteral("[%1]").arg(trail)));
        QVERIFY2(!trail.contains(QStringLiteral("audit")), qPrintable(trail));
        QCOMPARE(adminScalar(w.server, QStringLiteral("SELECT count(*) FROM cases.note")), QVariant(1));
    }

    // Another session holds the case's lock (a colleague's transaction
    // stalled): an edit is refused within the bound, saying so, nothing
    // stored and the undo stack as it was; once released, it goes through.
    void aHeldCaseLockRefusesWithinTheBound()
    {
        const Workspace w = workspaceWithEditor(QStringLiteral("busy"));
        RawConnection colleague(w.server);
        QCOMPARE(colleague.run(QStringLiteral("BEGIN")), QString());
        QCOMPARE(colleague.run(QStringLiteral("SELECT pg_advisory_xact_lock(1331118663, hashtext('RAA'))")),
            QString());

        Database cases(w.asEditor, ServerArea::Cases, {}, Database::Mode::OpenExisting);
        CaseSession session(std::make_unique<CaseFile>(cases, kOrg), Methodology::builtIn());
        const QString audit = auditRows(w.server);
        // Were the wait unbounded, the colleague's session is ended after a
        // while, so that this fails rather than hangs.
        const int pid = colleague.scalar(QStringLiteral("SELECT pg_backend_pid()")).toInt();
        std::atomic<bool> answered = false;
        std::thread watchdog([&] {
            for (int i = 0; i < 150 && !answered; ++i)
                QThread::msleep(100);
            if (!answered)
                adminScalar(w.server, QStringLiteral("SELECT pg_terminate_backend(%1)").arg(pid));
        });
        QElapsedTimer timer;
        timer.start();
        const QString refused = session.addNote(QString(), QString(), QStringLiteral("while held"));
        const qint64 waited = timer.elapsed();
        answered = true;
        watchdog.join();
        QVERIFY2(refused.contains(QLatin1String(
                     "Someone else is saving a change to this case right now; nothing was changed: "
                     "try again in a moment.")),
            qPrintable(refused));
        QVERIFY2(waited >= kCaseLockWaitMs - 200 && waited < kCaseLockWaitMs + 3000,
            qPrintable(QString::number(waited)));
        QCOMPARE(adminScalar(w.server, QStringLiteral("SELECT count(*) FROM cases.note")), QVariant(0));
        QCOMPARE(auditRows(w.server), audit);
        QCOMPARE(session.undoStack()->count(), 0);
        QCOMPARE(session.notes().notes().size(), 0);

        QCOMPARE(colleague.run(QStringLiteral("COMMIT")), QString());
        timer.restart();
        QCOMPARE(session.addNote(QString(), QString(), QStringLiteral("once released")), QString());
        QVERIFY(timer.elapsed() < kCaseLockWaitMs);
        QCOMPARE(adminScalar(w.server, QStringLiteral("SELECT body FROM cases.note")),
            QVariant(QStringLiteral("once released")));
        QCOMPARE(session.undoStack()->count(), 1);
    }

    // Held only briefly (a colleague's edit committing), the lock is waited
    // for in turn and the edit goes through.
    void aBrieflyHeldCaseLockIsWaitedFor()
    {
        const Workspace w = workspaceWithEditor(QStringLiteral("brief"));
        RawConnection colleague(w.server);
        QCOMPARE(colleague.run(QStringLiteral("BEGIN")), QString());
        QCOMPARE(colleague.run(QStringLiteral("SELECT pg_advisory_xact_lock(1331118663, hashtext('RAA'))")),
            QString());
        Database cases(w.asEditor, ServerArea::Cases, {}, Database::Mode::OpenExisting);
        CaseSession session(std::make_unique<CaseFile>(cases, kOrg), Methodology::builtIn());
        // Ended from another thread (its own connection) while the edit waits.
        const int pid = colleague.scalar(QStringLiteral("SELECT pg_backend_pid()")).toInt();
        std::thread release([&] {
            QThread::msleep(1000);
            adminScalar(w.server, QStringLiteral("SELECT pg_terminate_backend(%1)").arg(pid));
        });
        QElapsedTimer timer;
        timer.start();
        QCOMPARE(session.addNote(QString(), QString(), QStringLiteral("after a wait")), QString());
        const qint64 waited = timer.elapsed();
        release.join();
        QVERIFY2(waited >= 800 && waited < kCaseLockWaitMs, qPrintable(QString::number(waited)));
    }
};

QTEST_GUILESS_MAIN(TestTeamAudit)
#include "tst_teamaudit.moc"
