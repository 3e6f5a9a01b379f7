// The workbench's edits without the window, for the crash test: opens a case
// file through the same CaseSession facade the views use and performs edits
// 0..COUNT-1, printing "ack N" once edit N has returned (its transaction
// committed). Killed at any moment and run again, it resumes after the last
// edit present in the file, so finishing gives the uninterrupted result.
//
// Edit N: N % 5 == 4 adds a note and undoes it (two transactions); N % 3 == 2
// adds a milestone; otherwise adds a note. Each leaves a mark "edit N".
//
// Usage: edit_driver CASEFILE COUNT

#include "casework/casesession.h"

#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

using namespace owb;

namespace {
QString mark(int n)
{
    return QStringLiteral("edit %1").arg(n);
}

bool present(CaseSession &session, int n)
{
    for (const Note &note : session.notes().notes())
        if (note.body == mark(n))
            return true;
    for (const QVariantMap &m : session.casework().records(milestoneTable()))
        if (m.value(QStringLiteral("description")).toString() == mark(n))
            return true;
    return false;
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 3) {
        std::fprintf(stderr, "usage: edit_driver CASEFILE COUNT\n");
        return 2;
    }
    const int count = args.at(2).toInt();
    try {
        CaseSession session(args.at(1), Methodology::builtIn());
        QString undoError;
        QObject::connect(&session, &CaseSession::storeFailed, [&undoError](const QString &m) { undoError = m; });
        // An add-then-undo cut short between its two transactions left its
        // note: take it away, as the user would.
        for (const Note &note : session.notes().notes()) {
            const int n = note.body.startsWith(QLatin1String("edit ")) ? note.body.mid(5).toInt() : -1;
            if (n >= 0 && n % 5 == 4 && !session.removeNote(note).isEmpty())
                return 1;
        }
        // Resume after the last edit whose mark is present (undone edits leave none).
        int start = 0;
        for (int n = count - 1; n >= 0; --n)
            if (n % 5 != 4 && present(session, n)) {
                start = n + 1;
                break;
            }
        for (int n = start; n < count; ++n) {
            QString error;
            if (n % 5 == 4) {
                error = session.addNote(QString(), QString(), mark(n));
                if (error.isEmpty()) {
                    session.undoStack()->undo();
                    error = undoError;
                }
            } else if (n % 3 == 2) {
                error = session.addRecord(milestoneTable(),
                                          {{QStringLiteral("description"), mark(n)},
                                           {QStringLiteral("due_date"), QStringLiteral("2027-01-31")}},
                                          QStringLiteral("Add milestone"));
            } else {
                error = session.addNote(QString(), QString(), mark(n));
            }
            if (!error.isEmpty()) {
                std::fprintf(stderr, "%s\n", qPrintable(error));
                return 1;
            }
            std::printf("ack %d\n", n);
            std::fflush(stdout);
        }
    } catch (const StoreError &error) {
        std::fprintf(stderr, "%s\n", qPrintable(error.message()));
        return 2;
    }
    return 0;
}
