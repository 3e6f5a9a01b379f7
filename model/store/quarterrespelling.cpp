#include "quarterrespelling.h"

#include "auditlog.h"
#include "casefile.h"
#include "data/quarterlabel.h"
#include "database.h"

#include <QHash>
#include <QList>

namespace owb {

namespace {
struct QuarterColumn
{
    const char *table;
    const char *column;
};

// Every label in `columns` whose spelling differs: label -> new spelling.
// Labels that are not quarters at all are left as they are.
QHash<QString, QString> respellings(
    Database &db, const QList<QuarterColumn> &columns, const QuarterSpelling &spelling = canonicalSpelling)
{
    QHash<QString, QString> found;
    for (const QuarterColumn &c : columns) {
        QSqlQuery q = db.exec(QStringLiteral("SELECT DISTINCT %1 FROM %2")
                                  .arg(QLatin1String(c.column), QLatin1String(c.table)));
        while (q.next()) {
            const QString label = q.value(0).toString();
            const QString canonical = spelling(label);
            if (!canonical.isEmpty() && canonical != label)
                found.insert(label, canonical);
        }
    }
    return found;
}

// OR IGNORE: a row whose respelt key is already taken stays under its old
// label rather than being lost.
void respell(Database &db, const QuarterColumn &c, const QString &label, const QString &canonical)
{
    db.exec(QStringLiteral("UPDATE OR IGNORE %1 SET %2 = ? WHERE %2 = ?")
                .arg(QLatin1String(c.table), QLatin1String(c.column)),
        { canonical, label });
}
} // namespace

QString canonicalSpelling(const QString &label)
{
    return canonicalQuarter(label);
}

void respellPeerQuarters(Database &db)
{
    // Children and parent change label one after the other; the keys only
    // agree again at the end of the transaction.
    db.exec(QStringLiteral("PRAGMA defer_foreign_keys = ON"));
    const QHash<QString, QString> changes = respellings(db, { { "quarter", "label" } });
    for (auto it = changes.cbegin(); it != changes.cend(); ++it) {
        const QString &label = it.key();
        const QString &canonical = it.value();
        const bool both
            = db.scalar(QStringLiteral("SELECT count(*) FROM quarter WHERE label = ?"), { canonical }).toInt()
            > 0;
        respell(db, { "org_quarter", "quarter" }, label, canonical);
        respell(db, { "metric_value", "quarter" }, label, canonical);
        if (both) {
            db.exec(QStringLiteral("DELETE FROM metric_value WHERE quarter = ?"), { label });
            db.exec(QStringLiteral("DELETE FROM org_quarter WHERE quarter = ?"), { label });
            db.exec(QStringLiteral("DELETE FROM quarter WHERE label = ?"), { label });
            db.exec(QStringLiteral("UPDATE quarter SET pending = 1 WHERE label = ?"), { canonical });
        } else {
            respell(db, { "quarter", "label" }, label, canonical);
        }
    }
}

void respellCaseFileQuarters(Database &db, const QuarterSpelling &spelling)
{
    static const QList<QuarterColumn> casework {
        { "metric_value", "quarter" },
        { "diagnostic_review", "opened_quarter" },
        { "programme", "entry_quarter" },
        { "programme", "exit_quarter" },
        { "trajectory_point", "quarter" },
        { "decision", "quarter" },
        { "system_consideration", "quarter" },
    };
    const qint64 mark = auditlog::lastSeq(db);
    db.exec(QStringLiteral("PRAGMA defer_foreign_keys = ON"));
    QList<QuarterColumn> all = casework;
    all.append(QuarterColumn { "assessment", "quarter" });
    const QHash<QString, QString> changes = respellings(db, all, spelling);
    for (auto it = changes.cbegin(); it != changes.cend(); ++it) {
        const QString &label = it.key();
        const QString &canonical = it.value();
        for (const QuarterColumn &c : casework)
            respell(db, c, label, canonical);

        const auto before = CaseFile::readAssessment(db, label);
        if (!before)
            continue;
        const QString storedDigest
            = db.scalar(QStringLiteral("SELECT digest FROM assessment WHERE quarter = ?"), { label })
                  .toString();
        respell(db, { "assessment", "quarter" }, label, canonical);
        if (db.scalar(QStringLiteral("SELECT count(*) FROM assessment WHERE quarter = ?"), { label }).toInt()
            > 0)
            continue; // the quarter is there under both spellings: both stay as they are
        respell(db, { "metric_score", "quarter" }, label, canonical);
        respell(db, { "domain_score", "quarter" }, label, canonical);
        if (storedDigest != before->digest())
            continue;
        db.exec(QStringLiteral("UPDATE assessment SET digest = ? WHERE quarter = ?"),
            { CaseFile::readAssessment(db, canonical)->digest(), canonical });
    }
    auditlog::seal(db, mark, auditlog::currentActor());
}

} // namespace owb
