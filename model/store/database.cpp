#include "database.h"


#include "openfiles.h"
#include "workspacelock.h"

#include <QAtomicInt>
#include <QHash>
#include <QMutex>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlField>
#include <QStorageInfo>
#include <QUrl>
#include <mutex>
#include <optional>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utility>

namespace owb {

namespace {
QAtomicInt connectionCounter;
QAtomicInteger<qint64> statementCounter;
// Database::observeStatements: set by tests and benchmarks only.
QMutex statementObserverMutex;
std::function<void(const QString &)> statementObserver;
QAtomicInt statementObserved;

// SQLite keeps memory statistics by default, under one mutex for the whole
// process: every allocation takes it, so case files read on several threads
// (the portfolio of a folder) spend more time waiting on each other than
// reading. Nothing here reads those statistics. The setting only takes
// before SQLite starts up, which the first connection to open does; called
// later it is refused and changes nothing.
void configureSqliteOnce()
{
    static std::once_flag once;
    std::call_once(once, [] { sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0); });
}

// The first 16 bytes of every SQLite 3 database file.
const QByteArray kSqliteMagic("SQLite format 3\0", 16);


// The size the header of a SQLite file says it has (page size times page
// count), or 0 when the count is not valid (an old writer left it stale).
qint64 sizeInHeader(const QByteArray &head)
{
    auto u16 = [&](int at) { return (quint32(quint8(head[at])) << 8) | quint8(head[at + 1]); };
    auto u32 = [&](int at) { return (u16(at) << 16) | u16(at + 2); };
    const qint64 pageSize = u16(16) == 1 ? 65536 : u16(16);
    return u32(24) == u32(92) ? pageSize * u32(28) : 0;
}

void checkHeader(const QString &path, const QString &kind)
{
    if (openHere(path))
        return; // judged when it was first opened; reading it by hand would unlock it
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw StoreError(QStringLiteral("%1: cannot open: %2").arg(path, file.errorString()));
    const QByteArray head = file.read(100);
    if (head.isEmpty())
        return; // empty: the caller decides whether that may be initialised
    if (!head.startsWith(kSqliteMagic))
        throw StoreError(
            QStringLiteral("%1: not an Oversight Workbench %2 (not a SQLite database)").arg(path, kind));
    if (head.size() < 100 || file.size() < 512)
        throw StoreError(QStringLiteral("%1: damaged %2 (the file is truncated)").arg(path, kind));
    // The header records the page size and, when valid, the page count: a
    // file shorter than that lost its end (a copy cut short, a full disk).
    const qint64 expected = sizeInHeader(head);
    // In WAL mode a checkpoint cut short (a kill, a full disk) can leave the
    // header counting pages that are still only in the -wal: SQLite reads
    // them from there, so that is not damage.
    const bool walMode = quint8(head[18]) == 2 && quint8(head[19]) == 2;
    const bool walHoldsPages = walMode && QFileInfo(path + QStringLiteral("-wal")).size() > 32;
    if (file.size() < expected && !walHoldsPages)
        throw StoreError(QStringLiteral("%1: damaged %2 (the file is truncated: %3 bytes of %4)")
                             .arg(path, kind)
                             .arg(file.size())
                             .arg(expected));
}

// True when the file holds every page its header counts (or the header does not say).
bool isWholeFile(const QString &path)
{
    Q_ASSERT(!openHere(path)); // a file held open is judged through its connection (Database::settle)
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    const QByteArray head = file.read(100);
    return head.size() == 100 && file.size() >= sizeInHeader(head);
}

// What to tell the user when a write failed and the cause may be space.
QString diskFullHint(const QString &path)
{
    const QStorageInfo storage(QFileInfo(path).absolutePath());
    if (storage.isValid() && storage.bytesAvailable() < 1024 * 1024)
        return QStringLiteral("the disk is full: free some space, then try again");
    return QStringLiteral("a disk error: check the disk and that there is free space, then try again");
}

// A workspace's files must be plain files of their own: a symbolic link or a
// second name (hard link) would let a write land in another workspace, and
// opening a folder or a fifo would fail obscurely or hang.
void refuseUnlessPlainFile(const QString &path, const QString &kind, bool forWriting)
{
    struct stat status;
    if (::lstat(QFile::encodeName(path).constData(), &status) != 0)
        return; // absent: the caller creates it or says so
    if (S_ISLNK(status.st_mode))
        throw StoreError(
            QStringLiteral("%1: is a symbolic link (to %2), not a %3 of its own: refused, so that "
                           "nothing is read or written through it. Replace it with a copy of the file")
                .arg(path, QFileInfo(path).symLinkTarget(), kind));
    if (!S_ISREG(status.st_mode))
        throw StoreError(
            QStringLiteral("%1: is not a file (a folder, a pipe or a device), so not a %2: move it out "
                           "of the workspace")
                .arg(path, kind));
    if (forWriting && status.st_nlink > 1)
        throw StoreError(
            QStringLiteral("%1: the %2 has %3 names (hard links): writing it would change the other "
                           "copies too. Replace it with a copy of its own")
                .arg(path, kind)
                .arg(qulonglong(status.st_nlink)));
}

// Whether a bound value is SQL NULL, as Qt's drivers decide it.
bool isNullValue(const QVariant &value)
{
    if (!value.isValid() || value.isNull())
        return true;
    switch (value.typeId()) {
    case QMetaType::QString:
        return value.toString().isNull();
    case QMetaType::QByteArray:
        return value.toByteArray().isNull();
    case QMetaType::QDate:
        return value.toDate().isNull();
    case QMetaType::QTime:
        return value.toTime().isNull();
    case QMetaType::QDateTime:
        return value.toDateTime().isNull();
    default:
        return false;
    }
}

// What failed, for the user: reading or changing (never the SQL itself).
QString verbFor(const QString &sql)
{
    const bool reading = sql.startsWith(QLatin1String("SELECT"))
        || (sql.startsWith(QLatin1String("PRAGMA")) && !sql.contains(QLatin1Char('=')));
    return reading ? QStringLiteral("cannot be read") : QStringLiteral("cannot be changed");
}


// Plain words for what SQLite reported (never its own text).
QString plainReason(const QString &path, const QSqlError &error)
{
    const int code = error.nativeErrorCode().toInt();
    switch (code & 0xff) {
    case 13: // SQLITE_FULL
        return QStringLiteral("the disk is full. Free some space, then try again (an interrupted import or "
                              "re-assessment completes where it stopped)");
    case 8: // SQLITE_READONLY
        return QStringLiteral(
            "it cannot be changed (a read-only file, folder or disk): open it read-only, or "
            "copy the workspace somewhere writable");
    case 14: // SQLITE_CANTOPEN
        return QStringLiteral(
            "check that it and its folder exist and that you may read them (and the files beside it: its -wal)");
    case 11: // SQLITE_CORRUPT
    case 26: // SQLITE_NOTADB
        return QStringLiteral("the file is damaged: restore it from a backup");
    case 5: // SQLITE_BUSY
    case 6: // SQLITE_LOCKED
        return QStringLiteral("another program is using it: try again when it has finished");
    case 7: // SQLITE_NOMEM
        return QStringLiteral("there is not enough memory: close other programs, then try again");
    case 10: // SQLITE_IOERR
        return diskFullHint(path);
    default:
        return QStringLiteral(
            "it could not be read or written (SQLite error %1): check the disk, then try again")
            .arg(code);
    }
}
} // namespace

static quint32 bigEndian32(const QByteArray &bytes, int at)
{
    quint32 value = 0;
    for (int i = 0; i < 4; ++i)
        value = (value << 8) | quint8(bytes.at(at + i));
    return value;
}

// Empty when the -wal beside `path` could be the file's own (or there is
// none); else why it cannot be: not a -wal at all, or one made for a file
// with pages of another size.
QString walHeaderProblem(const QString &path)
{
    if (openHere(path))
        return {}; // a connection of this process reads and writes it: its own
    QFile wal(path + QStringLiteral("-wal"));
    QFile file(path);
    if (wal.size() < 32 || !wal.open(QIODevice::ReadOnly) || !file.open(QIODevice::ReadOnly))
        return {}; // shorter than a header: SQLite reads it as empty
    const QByteArray walHead = wal.read(32);
    const QByteArray head = file.read(100);
    const quint32 magic = bigEndian32(walHead, 0);
    if (magic != 0x377f0682 && magic != 0x377f0683)
        return QStringLiteral("it is not a SQLite -wal file");
    if (head.size() < 100)
        return {};
    const quint32 filePage = ((quint32(quint8(head.at(16))) << 8) | quint8(head.at(17))) == 1
        ? 65536
        : ((quint32(quint8(head.at(16))) << 8) | quint8(head.at(17)));
    if (bigEndian32(walHead, 8) != filePage)
        return QStringLiteral("it was made for a file with pages of %1 bytes; this one has %2")
            .arg(bigEndian32(walHead, 8))
            .arg(filePage);
    return {};
}

bool mayWrite(const QString &path)
{
    return ::access(QFile::encodeName(path).constData(), W_OK) == 0;
}

void createPrivateFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly))
        throw StoreError(QStringLiteral("%1: cannot create: %2").arg(path, file.errorString()));
    if (!file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner))
        throw StoreError(QStringLiteral("%1: cannot restrict permissions: %2").arg(path, file.errorString()));
}

// A writer would apply what lies beside the file: SQLite rolls a -journal
// back into it and a -wal forward. These files keep their changes in a -wal,
// never a -journal, so a -journal was put there by something else; and a
// -wal or -shm where there is no file belongs to no file of this workspace
// (a new file of that name would take it as its own).
static void refuseStrayCompanions(const QString &path, const QString &kind, bool exists)
{
    const QString journal = path + QStringLiteral("-journal");
    if (QFileInfo::exists(journal) || QFileInfo(journal).isSymLink())
        throw StoreError(QStringLiteral("%1: a rollback journal (%2) lies beside this %3; its files never make one, "
                                        "so it does not belong here and is not applied. Move it out of the folder, "
                                        "then try again")
                             .arg(path, QFileInfo(journal).fileName(), kind));
    if (exists)
        return;
    for (const QString &suffix : {QStringLiteral("-wal"), QStringLiteral("-shm")}) {
        const QFileInfo stray(path + suffix);
        if (stray.exists() || stray.isSymLink())
            throw StoreError(QStringLiteral("%1: %2 lies where there is no %3; it belongs to no file here and would "
                                            "be taken into the new one. Move it out of the folder, then try again")
                                 .arg(path, stray.fileName(), kind));
    }
}

void createFileAtomically(const QString &path, const std::function<void(const QString &)> &build)
{
    const QString temporary = path + QStringLiteral(".partial");
    const auto clear = [&] {
        for (const QString &suffix :
            { QString(), QStringLiteral("-journal"), QStringLiteral("-wal"), QStringLiteral("-shm") })
            QFile::remove(temporary + suffix);
    };
    refuseStrayCompanions(path, QStringLiteral("file"), false);
    // Leftovers of an earlier attempt that was killed go first.
    clear();
    try {
        build(temporary);
        // build() settled the file (Database::settle) and closed it; a -wal
        // still beside it, or a file shorter than its header says, means that
        // did not finish (a full disk): renaming it would put an incomplete
        // file in place.
        if (QFileInfo::exists(temporary + QStringLiteral("-wal")) || !isWholeFile(temporary))
            throw StoreError(QStringLiteral("%1: could not be written completely (%2); nothing was changed")
                                 .arg(path, diskFullHint(path)));
        QFile file(temporary);
        if (!file.open(QIODevice::ReadWrite) || ::fsync(file.handle()) != 0)
            throw StoreError(QStringLiteral("%1: could not be written completely (%2); nothing was changed")
                                 .arg(path, diskFullHint(path)));
    } catch (const StoreError &error) {
        clear();
        // Named as the user knows it, not by its temporary name.
        throw StoreError(QString(error.message()).replace(temporary, path));
    } catch (...) {
        clear();
        throw;
    }
    if (!QFile::rename(temporary, path)) {
        clear();
        throw StoreError(
            QStringLiteral("%1: cannot create (the name is taken or the folder is read-only)").arg(path));
    }
}

Database::Database(const QString &path, const Schema &schema, Mode mode)
    : m_path(path)
    , m_connectionName(QStringLiteral("owb-%1").arg(connectionCounter.fetchAndAddRelaxed(1)))
    , m_readOnly(mode == Mode::ReadOnly || mode == Mode::Inspect)
    , m_inspect(mode == Mode::Inspect)
{
    refuseUnlessPlainFile(path, schema.kind, !m_readOnly);
    const bool exists = QFileInfo::exists(path);
    if (!m_readOnly)
        refuseStrayCompanions(path, schema.kind, exists);
    if (!exists && mode != Mode::CreateIfMissing)
        throw StoreError(QStringLiteral("%1: no such %2").arg(path, schema.kind));
    if (exists)
        checkHeader(path, schema.kind);
    // Only a file being created may start empty. An existing file found
    // empty was emptied (or its creation never finished): initialising it
    // would silently replace what it held.
    if (exists && QFileInfo(path).size() == 0 && mode != Mode::CreateIfMissing)
        throw StoreError(
            QStringLiteral("%1: the %2 is empty (0 bytes): it was emptied or never finished. Restore "
                           "it from a backup; it is not re-created, so that nothing is lost unseen")
                .arg(path, schema.kind));
    if (!exists)
        createPrivateFile(path);

    configureSqliteOnce();
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    m_db.setDatabaseName(path);
    const QString wal = path + QStringLiteral("-wal");
    const QString shm = path + QStringLiteral("-shm");
    const bool walBefore = QFileInfo::exists(wal);
    const bool walHoldsPages = QFileInfo(wal).size() > 0;
    const bool shmBefore = QFileInfo::exists(shm);
    // A reader finding a -wal with no writer at work reads it the way owb
    // check does (a private copy of the pair), so it needs no -shm beside the
    // file (a read-only folder) and changes nothing; and judges it the way a
    // writer would, so that a -wal that is not the file's own is named, never
    // silently read past or through.
    const bool walWithoutWriter = m_readOnly && !m_inspect && (walBefore || QFileInfo(wal).isSymLink())
        && !WorkspaceLock::isHeld(QFileInfo(path).absolutePath()) && !openHere(path);
    if (walWithoutWriter) {
        if (const QString problem = walHeaderProblem(path); !problem.isEmpty())
            throw StoreError(QStringLiteral("%1: the file beside it (%2) is not its -wal (%3), so it is not read. "
                                            "Move %2 out of the folder (owb check names every such file)")
                                 .arg(path, QFileInfo(wal).fileName(), problem));
    }
    if (m_inspect || walWithoutWriter)
        connectInspector();
    else if (m_readOnly)
        connectReader(false);
    QSqlError error;
    // The first read of the file, which finds a file that is not a database
    // (or is damaged) without throwing, so that a reader can try again: it
    // reads at once what the checks below need, the header's application_id
    // and user_version (the version of a file is SQLite's user_version, what
    // SqliteDialect::schemaVersion reads) and whether the file holds any table.
    const QString probeSql = QStringLiteral("SELECT a.application_id, v.user_version, (SELECT count(*) FROM sqlite_master)"
                                            " FROM pragma_application_id() a, pragma_user_version() v");
    qint32 applicationId = 0;
    int tables = 0;
    const auto tryOpen = [&] {
        // SQLite waits this long for a writer's lock to clear (the driver's
        // option, set on opening: no statement of its own).
        const QString options = m_db.connectOptions();
        if (!options.contains(QLatin1String("QSQLITE_BUSY_TIMEOUT")))
            m_db.setConnectOptions(options.isEmpty() ? QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000")
                                                     : options + QStringLiteral(";QSQLITE_BUSY_TIMEOUT=5000"));
        if (!m_db.open()) {
            error = m_db.lastError();
            return false;
        }
        QSqlQuery probe(m_db);
        countStatement(probeSql);
        if (!probe.exec(probeSql) || !probe.next()) {
            error = probe.lastError();
            return false;
        }
        applicationId = probe.value(0).toInt();
        m_version = probe.value(1).toInt();
        tables = probe.value(2).toInt();
        return true;
    };
    bool opened = tryOpen();
    // A reader that cannot create SQLite's index files (a full disk) reads
    // the file as it stands, when no -wal holds more of it.
    if (!opened && m_readOnly && !m_inspect && !walHoldsPages) {
        m_db.close();
        // What the failed attempt created goes again (an empty -wal holds nothing).
        if (!walBefore && QFileInfo(wal).size() == 0)
            QFile::remove(wal);
        if (!shmBefore)
            QFile::remove(shm);
        connectReader(true);
        opened = tryOpen();
    }
    if (!opened) {
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_connectionName);
        // Damage seen only through a -wal may be the -wal's (copied in from another file): say so.
        const int code = error.nativeErrorCode().toInt() & 0xff;
        if ((code == 11 || code == 26) && QFileInfo(wal).size() > 0)
            throw StoreError(QStringLiteral("%1: cannot be read with the unapplied changes beside it (%2): read through "
                                            "them the file is damaged. If %2 was copied in from elsewhere, move it out "
                                            "of the folder; otherwise restore the file from a backup")
                                 .arg(path, QFileInfo(wal).fileName()));
        fail(QStringLiteral("cannot be opened"), error);
    }

    holdOpenFile(m_connectionName, path);
    try {
        const bool blank = applicationId == 0 && m_version == 0 && tables == 0;
        if (!blank && applicationId != schema.applicationId)
            throw StoreError(QStringLiteral("%1: not an Oversight Workbench %2 (a SQLite database of "
                                            "another application)")
                                 .arg(path, schema.kind));
        // Ours, but with no schema: creation sets both in one transaction,
        // so this file was never finished (or was altered); nothing in it to read.
        if (applicationId == schema.applicationId && m_version == 0)
            throw StoreError(QStringLiteral("%1: this %2 is incomplete (it holds no schema version): it was never "
                                            "finished or has been altered. Restore it from a backup")
                                 .arg(path, schema.kind));
        if (m_version > schema.currentVersion())
            throw StoreError(QStringLiteral("%1: this %2 was written by a newer version of Oversight "
                                            "Workbench (schema %3; this version reads up to %4)")
                                 .arg(path, schema.kind)
                                 .arg(m_version)
                                 .arg(schema.currentVersion()));
        // A reader of an older file reads it through today's statements.
        if (m_readOnly && m_version < schema.currentVersion() && schema.readAsCurrent)
            schema.readAsCurrent(*this);
        applyPragmas();
        // Read through a -wal found with no writer: the file must still be
        // whole through it (a -wal of another file leaves indexes that do not
        // match their tables), as a writer's pre-flight demands.
        if (walWithoutWriter && walHoldsPages && !sqliteProblems().isEmpty())
            throw StoreError(QStringLiteral("%1: the unapplied changes beside it (%2) do not belong to it: read "
                                            "through them the file is damaged. If %2 was copied in from elsewhere, "
                                            "move it out of the folder; otherwise restore the file from a backup "
                                            "(owb check says more)")
                                 .arg(path, QFileInfo(wal).fileName()));
        // A reader leaves an older file as it is: every version's tables are
        // a subset of the next one's, and the upgrade happens on the next write.
        if (m_version < schema.currentVersion() && !m_readOnly)
            migrate(schema);
    } catch (...) {
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_connectionName);
        forgetOpenFile(m_connectionName);
        throw;
    }
}

Database::~Database()
{
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
    forgetOpenFile(m_connectionName);
}

void Database::fail(const QString &what, const QSqlError &error) const
{
    // A server's: a SELECT inside a write's transaction is part of a change.
    const QString message = m_server ? serverMessage(what != QLatin1String("cannot be read") || m_transactionDepth > 0, error)
                                     : QStringLiteral("%1: %2: %3").arg(m_path, what, plainReason(m_path, error));
    if (m_server && connectionLost(error))
        throw ServerConnectionLost(message);
    if (m_server && accessGone(error))
        throw ServerAccessRefused(message);
    throw StoreError(message);
}

void Database::connectReader(bool immutable)
{
    // A reader must leave every file as it found it, a -wal included: a -wal
    // may hold the end of an import (a checkpoint cut short) or be a stray
    // that does not belong to this file; applying it is for a writer.
    // - Without write access (read-only media, another user's files) no one
    //   can be writing through this folder, or only the owner can: with no
    //   -wal the file is read as immutable, so no -shm is created.
    // - A -wal already there: a read-only connection reads it but never
    //   applies or removes it.
    // - Otherwise a read-write connection with query_only set: only such a
    //   connection removes the -wal and -shm it created when it closes.
    const bool walBeside = QFileInfo::exists(m_path + QStringLiteral("-wal"));
    const bool writable = mayWrite(m_path) && mayWrite(QFileInfo(m_path).absolutePath());
    // A -journal beside a file is rolled back (or, when invalid, deleted) by
    // any connection that may write: a reader reads the file as it stands.
    const bool journalBeside = QFileInfo::exists(m_path + QStringLiteral("-journal"));
    if (immutable || (!walBeside && (!writable || journalBeside))) {
        m_db.setDatabaseName(
            QStringLiteral("file:%1?immutable=1")
                .arg(QString::fromUtf8(QUrl::toPercentEncoding(QFileInfo(m_path).absoluteFilePath(), "/"))));
        m_db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_OPEN_URI"));
    } else if (!writable || walBeside) {
        m_db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
    }
}

void Database::connectInspector()
{
    const QString directory = QFileInfo(m_path).absolutePath();
    // A writer at work (in another process, or a connection of this one) has
    // its -wal and -shm beside the file; reading through them is what it
    // expects and adds nothing to the folder.
    if (WorkspaceLock::isHeld(directory, true) || openHere(m_path)) {
        connectReader(false);
        return;
    }
    const QString wal = m_path + QStringLiteral("-wal");
    const bool journalBeside = QFileInfo::exists(m_path + QStringLiteral("-journal"));
    if (!QFileInfo::exists(wal) || QFileInfo(wal).size() == 0 || journalBeside) {
        // Nothing to read beyond the file itself (a -journal is never ours:
        // the file is read as it stands): immutable creates nothing.
        connectReader(true);
        return;
    }
    // Unapplied changes and nobody to apply them: read the pair from a
    // private copy, so that no -shm is created beside the file (SQLite needs
    // one to read a -wal) and neither file is touched.
    m_copy = std::make_unique<QTemporaryDir>();
    const QString copy = m_copy->filePath(QStringLiteral("copy"));
    if (!m_copy->isValid() || !QFile::copy(m_path, copy) || !QFile::copy(wal, copy + QStringLiteral("-wal")))
        throw StoreError(QStringLiteral("%1: cannot be read with its unapplied changes (%2): there is no room for a "
                                        "temporary copy (%3)")
                             .arg(m_path, QFileInfo(wal).fileName(), diskFullHint(QDir::tempPath())));
    QFile::setPermissions(copy, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    QFile::setPermissions(copy + QStringLiteral("-wal"), QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    m_db.setDatabaseName(copy);
    m_db.setConnectOptions(QString());
}

void Database::settle()
{
    // Everything into the file itself and the -wal gone, so the file is whole
    // on its own; a full disk fails here, not after a rename.
    // (The file stays in WAL mode, so reopening it changes no byte.)
    // (The pages counted through this connection: the file is held open, so
    // it is never read by hand, see openHere.)
    const qint64 counted
        = scalar(QStringLiteral("PRAGMA page_count")).toLongLong() * scalar(QStringLiteral("PRAGMA page_size")).toLongLong();
    if (scalar(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")).toInt() != 0 // 1: blocked
        || QFileInfo(m_path + QStringLiteral("-wal")).size() != 0 || QFileInfo(m_path).size() < counted)
        throw StoreError(QStringLiteral("%1: could not be written completely (%2); nothing was changed")
                             .arg(m_path, diskFullHint(m_path)));
}

void Database::applyPragmas()
{
    exec(QStringLiteral("PRAGMA foreign_keys = ON"));
    // (SQLite's busy timeout, 5 s, is the driver's option set on opening.)
    if (m_readOnly) {
        exec(QStringLiteral("PRAGMA query_only = ON"));
    } else {
        // WAL keeps readers going during writes; FULL makes every commit
        // durable before the edit is acknowledged.
        exec(QStringLiteral("PRAGMA journal_mode = WAL"));
        exec(QStringLiteral("PRAGMA synchronous = FULL"));
    }
}

void Database::migrate(const Schema &schema)
{
    Transaction transaction(*this);
    // Under a lock every other upgrader waits on (SQLite's BEGIN IMMEDIATE;
    // a server's advisory lock), so that two people opening an old team
    // workspace at once upgrade it once: the version is read again under it.
    dialect().lockSchema(*this, schema.applicationId);
    const int from = dialect().schemaVersion(*this);
    m_created = from == 0;
    for (int step = from; step < schema.currentVersion(); ++step) {
        for (const QString &sql : schema.steps.at(step))
            exec(sql);
        if (const auto program = schema.programs.value(step))
            program(*this);
    }
    dialect().setSchemaVersion(*this, schema, from == 0);
    transaction.commit();
    m_version = schema.currentVersion();
}

QSqlQuery Database::exec(const QString &sql, std::initializer_list<QVariant> bindings)
{
    return exec(sql, QVariantList(bindings));
}

void Database::countStatement(const QString &sql)
{
    statementCounter.fetchAndAddRelaxed(1);
    if (statementObserved.loadRelaxed()) {
        const QMutexLocker lock(&statementObserverMutex);
        if (statementObserver)
            statementObserver(sql);
    }
}

qint64 Database::statementsSent()
{
    return statementCounter.loadRelaxed();
}

void Database::observeStatements(std::function<void(const QString &sql)> observer)
{
    const QMutexLocker lock(&statementObserverMutex);
    statementObserved.storeRelaxed(observer ? 1 : 0);
    statementObserver = std::move(observer);
}

QSqlQuery Database::exec(const QString &sql, const QVariantList &bindings)
{
    countStatement(sql);
    QSqlQuery query(m_db);
    // PostgreSQL prepares only queries and data changes (not CREATE, SET or
    // BEGIN): a statement without bindings is sent as it is.
    if (m_server && bindings.isEmpty()) {
        if (!query.exec(sql))
            fail(verbFor(sql), query.lastError());
        return query;
    }
    if (m_server) {
        // QSqlQuery::prepare() costs three round trips to PostgreSQL every
        // time (PREPARE, EXECUTE, DEALLOCATE): each statement is prepared
        // once per connection instead, and run by one EXECUTE, its values
        // formatted by the driver as its own EXECUTE formats them.
        const QString name = preparedOnServer(sql);
        QStringList values;
        for (const QVariant &value : bindings) {
            const bool nullString = value.typeId() == QMetaType::QString && value.toString().isNull();
            QSqlField field(QString(), value.metaType());
            if (nullString)
                field.setValue(QStringLiteral(""));
            else if (!isNullValue(value))
                field.setValue(value);
            values.append(m_db.driver()->formatValue(field));
        }
        if (!query.exec(QStringLiteral("EXECUTE %1 (%2)").arg(name, values.join(QStringLiteral(", ")))))
            fail(verbFor(sql), query.lastError());
        return query;
    }
    if (!query.prepare(sql))
        fail(verbFor(sql), query.lastError());
    for (const QVariant &value : bindings) {
        // Qt 6 binds a null QString as SQL NULL (QVariant::isNull() no longer
        // says so); NULLs are always spelt QVariant().
        const bool nullString = value.typeId() == QMetaType::QString && value.toString().isNull();
        query.addBindValue(nullString ? QVariant(QStringLiteral("")) : value);
    }
    if (!query.exec())
        fail(verbFor(sql), query.lastError());
    return query;
}

QString Database::preparedOnServer(const QString &sql)
{
    if (const auto known = m_prepared.constFind(sql); known != m_prepared.cend())
        return *known;
    // PostgreSQL numbers its parameters: each ? outside quotes becomes $1, $2...
    QString numbered;
    int parameter = 0;
    QChar quote;
    for (const QChar c : sql) {
        if (!quote.isNull()) {
            quote = c == quote ? QChar() : quote;
            numbered += c;
        } else if (c == QLatin1Char('\'') || c == QLatin1Char('"')) {
            quote = c;
            numbered += c;
        } else if (c == QLatin1Char('?')) {
            numbered += QStringLiteral("$%1").arg(++parameter);
        } else {
            numbered += c;
        }
    }
    const QString name = QStringLiteral("owb_%1").arg(m_prepared.size() + 1);
    // A prepared statement outlives a transaction rolled back after it; one
    // that failed to prepare is not remembered.
    QSqlQuery prepare(m_db);
    if (!prepare.exec(QStringLiteral("PREPARE %1 AS %2").arg(name, numbered)))
        fail(verbFor(sql), prepare.lastError());
    m_prepared.insert(sql, name);
    return name;
}

QVariant Database::scalar(const QString &sql, std::initializer_list<QVariant> bindings)
{
    return scalar(sql, QVariantList(bindings));
}

QVariant Database::scalar(const QString &sql, const QVariantList &bindings)
{
    // The query ends here (with a RETURNING statement, before any COMMIT).
    QSqlQuery query = exec(sql, bindings);
    return query.next() ? query.value(0) : QVariant();
}

QStringList Database::sqliteProblems()
{
    QStringList problems;
    // SQLite's own report names pages, b-trees and indexes: it tells a user
    // nothing they can act on, so it is summed up in plain words.
    QSqlQuery integrity = exec(QStringLiteral("PRAGMA integrity_check(100)"));
    int found = 0;
    while (integrity.next())
        found += integrity.value(0).toString() == QLatin1String("ok") ? 0 : 1;
    if (found > 0)
        problems.append(
            QStringLiteral("the file is damaged (SQLite's own check finds %1 in its structure): restore it from a "
                           "backup, and keep the damaged file until you have")
                .arg(found >= 100 ? QStringLiteral("100 or more problems") : QStringLiteral("%1 problem(s)").arg(found)));
    QSqlQuery keys = exec(QStringLiteral("PRAGMA foreign_key_check"));
    while (keys.next())
        problems.append(
            QStringLiteral("the file is damaged: a record of %1 (row %2) refers to a %3 that is not there; restore "
                           "it from a backup")
                .arg(keys.value(0).toString(), keys.value(1).toString(), keys.value(2).toString()));
    return problems;
}

void Database::useArea(ServerArea area)
{
    if (m_server)
        exec(QStringLiteral("SELECT set_config('search_path', ?, true)"), {serverAreaName(area)});
}

} // namespace owb
