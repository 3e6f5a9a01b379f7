// A test aid for tests/team (not installed): one person's edits on a team
// workspace without the window, through the same CaseSession facade the views
// use, on one connection that the cases share. Prints "ack N" once edit N has
// returned (its transaction committed), and "refused N: message" otherwise.
//
// Edit N works on the case ORGS[(WRITER + N / 2) % count]: an even N adds a
// note "wWRITER eN"; an odd N changes that note's text to "wWRITER eN". So
// writers meet on the same cases (and their audit chains) all the time, and
// every acknowledged edit leaves a mark that can be looked for afterwards.
//
// Usage: team_writer URL WRITER COUNT ORG[,ORG...]
//        team_writer set URL ORG TABLE ID COLUMN VALUE
//        team_writer decide URL ORG [SEGMENT REASON]
// The second form is a colleague's one edit of a casework record's field
// (the end-to-end scenarios' second person), read and saved as the views do;
// the third their quarterly decision on the case's latest quarter (a
// confirmation, or a correction to SEGMENT for REASON).
// The password, if the server wants one, comes from PGPASSWORD or ~/.pgpass.

#include "casework/casesession.h"
#include "store/serveraddress.h"

#include <QCoreApplication>

#include <cstdio>
#include <map>

using namespace owb;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() == 8 && args.at(1) == QLatin1String("set")) {
        const QList<const CaseworkTable *> tables{&reviewTable(), &findingTable(), &programmeTable(), &criterionTable(),
                                                  &milestoneTable(), &progressReviewTable(), &trajectoryTable()};
        for (const CaseworkTable *table : tables) {
            if (table->name != args.at(4))
                continue;
            try {
                Database server(parseServerUrl(args.at(2)), ServerArea::Cases, {}, Database::Mode::OpenExisting);
                CaseSession session(std::make_unique<CaseFile>(server, args.at(3)), Methodology::builtIn());
                session.casework().records(*table);
                const QString error = session.setRecordField(*table, args.at(5).toLongLong(), args.at(6), args.at(7));
                if (!error.isEmpty()) {
                    std::fprintf(stderr, "%s\n", qPrintable(error));
                    return 1;
                }
                return 0;
            } catch (const StoreError &error) {
                std::fprintf(stderr, "%s\n", qPrintable(error.message()));
                return 1;
            }
        }
        std::fprintf(stderr, "no casework table %s\n", qPrintable(args.at(4)));
        return 2;
    }
    if ((args.size() == 4 || args.size() == 6) && args.at(1) == QLatin1String("decide")) {
        try {
            Database server(parseServerUrl(args.at(2)), ServerArea::Cases, {}, Database::Mode::OpenExisting);
            CaseSession session(std::make_unique<CaseFile>(server, args.at(3)), Methodology::builtIn());
            const QStringList quarters = session.caseFile().quarters();
            const QString quarter = quarters.isEmpty() ? QString() : quarters.last();
            session.casework().decision(quarter);
            const QString error = args.size() == 6 ? session.recordDecision(quarter, true, args.at(4).toInt(), args.at(5))
                                                   : session.recordDecision(quarter, false, 0, QString());
            if (!error.isEmpty()) {
                std::fprintf(stderr, "%s\n", qPrintable(error));
                return 1;
            }
            std::printf("%s\n", qPrintable(quarter));
            return 0;
        } catch (const StoreError &error) {
            std::fprintf(stderr, "%s\n", qPrintable(error.message()));
            return 1;
        }
    }
    if (args.size() != 5) {
        std::fprintf(stderr, "usage: team_writer URL WRITER COUNT ORG[,ORG...]\n");
        return 2;
    }
    const int writer = args.at(2).toInt();
    const int count = args.at(3).toInt();
    const QStringList orgs = args.at(4).split(QLatin1Char(','));
    try {
        Database server(parseServerUrl(args.at(1)), ServerArea::Cases, {}, Database::Mode::OpenExisting);
        std::map<QString, std::unique_ptr<CaseSession>> sessions;
        for (const QString &org : orgs)
            sessions[org] = std::make_unique<CaseSession>(std::make_unique<CaseFile>(server, org),
                                                          Methodology::builtIn());
        qint64 noteId = 0;
        for (int n = 0; n < count; ++n) {
            const QString org = orgs.at((writer + n / 2) % orgs.size());
            CaseSession &session = *sessions[org];
            const QString mark = QStringLiteral("w%1 e%2").arg(writer).arg(n);
            QString error;
            if (n % 2 == 0) {
                error = session.addNote(QString(), QString(), mark);
                if (error.isEmpty())
                    noteId = server.scalar(QStringLiteral("SELECT id FROM note WHERE org_code = ? AND body = ?"),
                                           {org, mark})
                                 .toLongLong();
            } else if (noteId > 0) {
                error = session.setNoteBody(noteId, mark);
            } else {
                error = QStringLiteral("no note to change");
            }
            if (error.isEmpty())
                std::printf("ack %d\n", n);
            else
                std::printf("refused %d: %s\n", n, qPrintable(error));
            std::fflush(stdout);
            if (n % 2 == 1)
                noteId = 0;
        }
    } catch (const StoreError &error) {
        std::fprintf(stderr, "%s\n", qPrintable(error.message()));
        return 1;
    }
    return 0;
}
