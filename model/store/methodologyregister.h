#pragma once
// The workspace's register of methodologies (in peers.owdata): every
// methodology file it was given, whole, with its id, title, declared years,
// SHA-256 and who added it when; and for each financial year the one file in
// force. Each quarter is assessed under its own year's file, so adding a file
// for one year never touches another year's assessments.
//
// A year's file is there because the file declares the year ("declared"),
// because a team chose to apply it to an earlier year ("back-cast"), or
// because an earlier version of the program assessed the year with it before
// workspaces kept a register ("assessed").

#include "casework/trajectory.h" // QuarterMethodology
#include "framework/methodology.h"
#include "storeerror.h"

#include <QHash>
#include <QSet>
#include <QList>
#include <QStringList>
#include <optional>

namespace owb {

class Database;

enum class YearBasis { Declared, BackCast, Assessed };

struct RegisteredFile
{
    qint64 row = 0;
    Methodology methodology;
    QString addedBy;
    QString addedAt;
};

struct RegisteredYear
{
    QString year;  // "2025/26"
    qint64 file = 0;  // RegisteredFile::row
    YearBasis basis = YearBasis::Declared;
    QString since;  // when the file was put in force for the year
};

// A year's file replaced by another with the same id and other contents
// (NHS England re-issued it): when, and both files' SHA-256.
struct MethodologyReissue
{
    QString year;
    QString at;  // ISO 8601, UTC
    QString id;
    QString sha256;
    QString replacedSha256;
};

class MethodologyRegister
{
public:
    // Reads the register; a file from before registers (read without being
    // upgraded) is seen as its upgrade would register it.
    explicit MethodologyRegister(Database &db);
    void reload();

    const QList<RegisteredYear> &years() const { return m_years; }  // year order
    const QList<RegisteredFile> &files() const { return m_files; }  // as added
    const RegisteredFile *file(qint64 row) const;
    const RegisteredYear *entry(const QString &year) const;
    // The file in force for a financial year or a quarter's year; null when none.
    const Methodology *forYear(const QString &year) const;
    const Methodology *forQuarter(const QString &quarter) const;
    // The years whose file has no programme segment ("programme_name": null),
    // for CaseworkStore::setYearsWithoutProgramme.
    QSet<QString> yearsWithoutProgramme() const;
    // What the programme is called in `quarter`'s year; in a year without
    // one, what the latest earlier year called it (the programme an
    // organisation entered then and is still in); else the built-in name.
    QString programmeNameIn(const QString &quarter) const;
    // Every re-issue the register's log holds, oldest first.
    QList<MethodologyReissue> reissues() const;
    // The file of the latest registered year; null for an empty register.
    const Methodology *latest() const;

    // Puts `methodology` in force for `year` (adding the file when new) and
    // logs it; within the caller's transaction. Then reloads.
    void put(const Methodology &methodology, const QString &year, YearBasis basis);

    static QString basisName(YearBasis basis);

    // Why `methodology` may not be registered in `directory`: its id is in
    // force for years it does not declare, with other content (an id names
    // one file; a re-issue of the same years under the same id is allowed).
    // Empty when it may.
    QString idConflict(const Methodology &methodology, const QString &directory) const;

    // The schema step that adds the register, and its upgrade program: the
    // stored methodology (or the built-in one) for every year the workspace holds.
    static QStringList schemaStep();
    static void upgrade(Database &db);

private:
    void readLegacy();
    qint64 addFile(const Methodology &methodology);

    Database &m_db;
    QList<RegisteredFile> m_files;
    QList<RegisteredYear> m_years;
};

// The message for a quarter whose year has no methodology in the register.
QString noMethodologyMessage(const QString &directory, const QString &quarter);
// The same for several quarters (each year without one named once).
QString noMethodologyMessage(const QString &directory, const QStringList &quarters);

// Thrown when quarters cannot be assessed for want of a methodology: the
// message gives the command line's advice; the workbench says its own,
// from the quarters.
class NoMethodologyError : public StoreError
{
public:
    NoMethodologyError(const QString &directory, const QStringList &quarters)
        : StoreError(noMethodologyMessage(directory, quarters)), m_quarters(quarters)
    {
    }
    const QStringList &quarters() const { return m_quarters; }

private:
    QStringList m_quarters;
};

// Each quarter's methodology as the workbench applies it: its year's file in
// force, else the latest registered one, else the built-in one. Holds copies,
// so it outlives the register (owb check reads the register, then the cases).
QuarterMethodology quarterMethodologies(const MethodologyRegister &methodologies);

} // namespace owb
