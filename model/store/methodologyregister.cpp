#include "methodologyregister.h"

#include "auditlog.h"
#include "data/quarterlabel.h"
#include "database.h"
#include "storeerror.h"

#include <QDateTime>
#include <QSet>
#include <algorithm>
#include <memory>

namespace owb {

namespace {
// Where versions before the register kept the one methodology of a workspace.
const QString kLegacyKey = QStringLiteral("methodology_json");

const char *const kBasisNames[] = {"declared", "back-cast", "assessed"};

YearBasis basisFrom(const QString &name)
{
    for (int i = 0; i < 3; ++i)
        if (name == QLatin1String(kBasisNames[i]))
            return YearBasis(i);
    return YearBasis::Assessed;
}

QString now()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
}

// Who puts a file in force: on a server the account it knows (as the audit
// trail's author), else the local account.
QString actorOf(Database &db)
{
    return db.isServer() ? db.sessionUser() : auditlog::currentActor();
}

bool hasRegister(Database &db)
{
    return db.dialect().tableExists(db, QStringLiteral("methodology_file"));
}

// What a workspace from before registers was assessed under, and the years it holds.
std::pair<Methodology, QStringList> legacyRules(Database &db)
{
    Methodology rules = Methodology::builtIn();
    const QString json = db.scalar(QStringLiteral("SELECT value FROM setting WHERE key = ?"), {kLegacyKey}).toString();
    if (!json.isEmpty()) {
        QString error;
        const auto stored = Methodology::fromStoredJson(
            json.toUtf8(), QStringLiteral("%1 (stored methodology)").arg(db.path()), &error);
        if (!stored)
            throw StoreError(error);
        rules = *stored;
    }
    QSet<QString> years;
    QSqlQuery q = db.exec(QStringLiteral("SELECT label FROM quarter"));
    while (q.next())
        if (const QString year = yearOfQuarter(q.value(0).toString()); !year.isEmpty())
            years.insert(year);
    QStringList sorted(years.cbegin(), years.cend());
    std::sort(sorted.begin(), sorted.end());
    return {rules, sorted};
}

Methodology parseStored(const QString &source, const QString &where)
{
    QString error;
    const auto parsed = Methodology::fromStoredJson(source.toUtf8(), where, &error);
    if (!parsed)
        throw StoreError(error);
    return *parsed;
}
} // namespace

MethodologyRegister::MethodologyRegister(Database &db) : m_db(db)
{
    reload();
}

QString MethodologyRegister::basisName(YearBasis basis)
{
    return QLatin1String(kBasisNames[int(basis)]);
}

QStringList MethodologyRegister::schemaStep()
{
    return {
        QStringLiteral("CREATE TABLE methodology_file ("
                       " id INTEGER PRIMARY KEY, methodology_id TEXT NOT NULL, title TEXT NOT NULL,"
                       " years TEXT NOT NULL,"  // declared, comma-separated
                       " sha256 TEXT NOT NULL UNIQUE, source TEXT NOT NULL,"
                       " added_by TEXT NOT NULL, added_at TEXT NOT NULL)"),
        QStringLiteral("CREATE TABLE methodology_year ("
                       " year TEXT PRIMARY KEY, file INTEGER NOT NULL REFERENCES methodology_file(id),"
                       " basis TEXT NOT NULL CHECK (basis IN ('declared', 'back-cast', 'assessed')),"
                       " since TEXT NOT NULL)"),
        // Every time a year's file was put in force, and what it replaced.
        QStringLiteral("CREATE TABLE methodology_log ("
                       " id INTEGER PRIMARY KEY, at TEXT NOT NULL, actor TEXT NOT NULL, year TEXT NOT NULL,"
                       " file INTEGER NOT NULL REFERENCES methodology_file(id),"
                       " replaced INTEGER REFERENCES methodology_file(id), basis TEXT NOT NULL)"),
    };
}

void MethodologyRegister::upgrade(Database &db)
{
    const auto [rules, years] = legacyRules(db);
    const bool stored
        = db.scalar(QStringLiteral("SELECT count(*) FROM setting WHERE key = ?"), {kLegacyKey}).toInt() > 0;
    if (!stored && years.isEmpty())
        return;  // nothing was ever assessed
    MethodologyRegister reg(db);
    for (const QString &year : years)
        reg.put(rules, year, rules.declaresYear(year) ? YearBasis::Declared : YearBasis::Assessed);
    if (years.isEmpty())
        reg.addFile(rules);
    db.exec(QStringLiteral("DELETE FROM setting WHERE key = ?"), {kLegacyKey});
}

void MethodologyRegister::reload()
{
    m_files.clear();
    m_years.clear();
    if (!hasRegister(m_db)) {
        readLegacy();
        return;
    }
    QSqlQuery files = m_db.exec(
        QStringLiteral("SELECT id, source, added_by, added_at FROM methodology_file ORDER BY id"));
    while (files.next())
        m_files.append({files.value(0).toLongLong(),
                        parseStored(files.value(1).toString(),
                                    QStringLiteral("%1 (registered methodology %2)")
                                        .arg(m_db.path())
                                        .arg(files.value(0).toLongLong())),
                        files.value(2).toString(), files.value(3).toString()});
    QSqlQuery years = m_db.exec(QStringLiteral("SELECT year, file, basis, since FROM methodology_year ORDER BY year"));
    while (years.next())
        m_years.append({years.value(0).toString(), years.value(1).toLongLong(),
                        basisFrom(years.value(2).toString()), years.value(3).toString()});
}

void MethodologyRegister::readLegacy()
{
    if (!m_db.dialect().tableExists(m_db, QStringLiteral("quarter")))
        return;  // a file still being created
    const auto [rules, years] = legacyRules(m_db);
    const bool stored
        = m_db.scalar(QStringLiteral("SELECT count(*) FROM setting WHERE key = ?"), {kLegacyKey}).toInt() > 0;
    if (!stored && years.isEmpty())
        return;
    m_files.append({1, rules, QString(), QString()});
    for (const QString &year : years)
        m_years.append({year, 1, rules.declaresYear(year) ? YearBasis::Declared : YearBasis::Assessed, QString()});
}

const RegisteredFile *MethodologyRegister::file(qint64 row) const
{
    for (const RegisteredFile &f : m_files)
        if (f.row == row)
            return &f;
    return nullptr;
}

const RegisteredYear *MethodologyRegister::entry(const QString &year) const
{
    for (const RegisteredYear &y : m_years)
        if (y.year == year)
            return &y;
    return nullptr;
}

const Methodology *MethodologyRegister::forYear(const QString &year) const
{
    const RegisteredYear *y = entry(year);
    const RegisteredFile *f = y ? file(y->file) : nullptr;
    return f ? &f->methodology : nullptr;
}

QString MethodologyRegister::idConflict(const Methodology &methodology, const QString &directory) const
{
    QStringList years;  // where another file with this id is declared
    QString otherSha;
    for (const RegisteredYear &year : m_years) {
        const RegisteredFile *f = file(year.file);
        if (!f || f->methodology.id() != methodology.id() || f->methodology.sha256() == methodology.sha256())
            continue;
        // The years a file was back-cast to (or assessed under before the
        // register) are not years it declares: a re-issue of its declared
        // year keeps its id, and those years keep the file they were
        // assessed under.
        if (year.basis != YearBasis::Declared)
            continue;
        years.append(year.year);
        otherSha = f->methodology.sha256();
    }
    bool outside = false;
    for (const QString &year : std::as_const(years))
        outside = outside || !methodology.declaresYear(year);
    if (!outside)
        return {};
    // A suggestion that is not the id again with its own year added.
    const QString year = methodology.years().value(0).replace(QLatin1Char('/'), QLatin1Char('-'));
    QString suggestion = methodology.id().contains(year) || year.isEmpty()
        ? QStringLiteral("%1-v2").arg(methodology.id())
        : QStringLiteral("%1-%2").arg(methodology.id(), year);
    return QStringLiteral("%1: the methodology id %2 is already registered for %3 with other content (SHA-256 %4...); "
                          "this file (SHA-256 %5...) declares %6. An id names one file: give this file its own "
                          "\"id\" (such as %7), then add it again. Nothing was changed")
        .arg(directory, methodology.id(), years.join(QStringLiteral(", ")), otherSha.left(12),
             methodology.sha256().left(12), methodology.years().join(QStringLiteral(", ")), suggestion);
}

const Methodology *MethodologyRegister::forQuarter(const QString &quarter) const
{
    return forYear(yearOfQuarter(quarter));
}

QList<MethodologyReissue> MethodologyRegister::reissues() const
{
    QList<MethodologyReissue> out;
    if (!hasRegister(m_db))  // an older file, read without its upgrade: no log yet
        return out;
    QSqlQuery q = m_db.exec(QStringLiteral("SELECT l.year, l.at, f.methodology_id, f.sha256, r.sha256 FROM methodology_log l"
                                           " JOIN methodology_file f ON f.id = l.file JOIN methodology_file r ON r.id = l.replaced"
                                           " WHERE f.methodology_id = r.methodology_id AND f.sha256 <> r.sha256 ORDER BY l.id"));
    while (q.next())
        out.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString(),
                    q.value(4).toString()});
    return out;
}

QSet<QString> MethodologyRegister::yearsWithoutProgramme() const
{
    QSet<QString> years;
    for (const RegisteredYear &year : m_years)
        if (const Methodology *rules = forYear(year.year); rules && !rules->hasProgramme())
            years.insert(year.year);
    return years;
}

QString MethodologyRegister::programmeNameIn(const QString &quarter) const
{
    const QString year = yearOfQuarter(quarter);
    QString name;
    for (const RegisteredYear &entry : m_years)  // year order
        if (const Methodology *rules = forYear(entry.year); rules && rules->hasProgramme() && entry.year <= year)
            name = rules->programmeName();
    return name.isEmpty() ? Methodology::builtIn().programmeName() : name;
}

const Methodology *MethodologyRegister::latest() const
{
    if (!m_years.isEmpty())
        return forYear(m_years.constLast().year);
    return m_files.isEmpty() ? nullptr : &m_files.constLast().methodology;
}

qint64 MethodologyRegister::addFile(const Methodology &methodology)
{
    const QVariant existing
        = m_db.scalar(QStringLiteral("SELECT id FROM methodology_file WHERE sha256 = ?"), {methodology.sha256()});
    if (existing.isValid() && !existing.isNull())
        return existing.toLongLong();
    m_db.exec(QStringLiteral("INSERT INTO methodology_file (id, methodology_id, title, years, sha256, source, added_by,"
                             " added_at) VALUES ((SELECT coalesce(max(id), 0) + 1 FROM methodology_file),"
                             " ?, ?, ?, ?, ?, ?, ?)"),
              {methodology.id(), methodology.title(), methodology.years().join(QLatin1Char(',')),
               methodology.sha256(), QString::fromUtf8(methodology.source()), actorOf(m_db), now()});
    return m_db.scalar(QStringLiteral("SELECT id FROM methodology_file WHERE sha256 = ?"), {methodology.sha256()})
        .toLongLong();
}

void MethodologyRegister::put(const Methodology &methodology, const QString &year, YearBasis basis)
{
    const qint64 row = addFile(methodology);
    const QVariant replaced
        = m_db.scalar(QStringLiteral("SELECT file FROM methodology_year WHERE year = ?"), {year});
    if (replaced.isValid() && !replaced.isNull() && replaced.toLongLong() == row) {
        reload();
        return;
    }
    const QString at = now();
    m_db.exec(QStringLiteral("INSERT INTO methodology_year (year, file, basis, since) VALUES (?, ?, ?, ?)"
                             " ON CONFLICT (year) DO UPDATE SET file = excluded.file, basis = excluded.basis,"
                             " since = excluded.since"),
              {year, row, basisName(basis), at});
    m_db.exec(QStringLiteral("INSERT INTO methodology_log (id, at, actor, year, file, replaced, basis)"
                             " VALUES ((SELECT coalesce(max(id), 0) + 1 FROM methodology_log), ?, ?, ?, ?, ?, ?)"),
              {at, actorOf(m_db), year, row,
               replaced.isValid() && !replaced.isNull() ? replaced : QVariant(QMetaType::fromType<qint64>()),
               basisName(basis)});
    reload();
}

QString noMethodologyMessage(const QString &directory, const QString &quarter)
{
    return noMethodologyMessage(directory, QStringList{quarter});
}

QString noMethodologyMessage(const QString &directory, const QStringList &quarters)
{
    QStringList years;
    for (const QString &quarter : quarters)
        if (!years.contains(yearOfQuarter(quarter)))
            years.append(yearOfQuarter(quarter));
    const QString yearList = years.join(QStringLiteral(" or "));
    const QString include = years.size() == 1 ? QStringLiteral("include \"%1\"").arg(years.first())
                                              : QStringLiteral("include that year");
    return QStringLiteral("%1: %2: the workspace has no methodology for %3, so %4 cannot be assessed; add the %5 "
                          "methodology file first (in the workbench, File ▸ Methodologies...; on the command line, "
                          "owb methodology add %1 FILE, or import with --methodology FILE), a file whose \"years\" %6")
        .arg(directory, quarters.join(QStringLiteral(", ")), yearList,
             quarters.size() == 1 ? QStringLiteral("the quarter") : QStringLiteral("those quarters"),
             years.size() == 1 ? years.first() : QStringLiteral("year's"), include);
}

QuarterMethodology quarterMethodologies(const MethodologyRegister &methodologies)
{
    auto byYear = std::make_shared<QHash<QString, Methodology>>();
    for (const RegisteredYear &year : methodologies.years())
        if (const Methodology *rules = methodologies.forYear(year.year))
            byYear->insert(year.year, *rules);
    const Methodology *latest = methodologies.latest();
    auto fallback = std::make_shared<Methodology>(latest ? *latest : Methodology::builtIn());
    return [byYear, fallback](const QString &quarter) -> const Methodology * {
        const auto it = byYear->constFind(yearOfQuarter(quarter));
        return it != byYear->cend() ? &*it : fallback.get();
    };
}

} // namespace owb
