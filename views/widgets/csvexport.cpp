#include "csvexport.h"

#include "statusnotice.h"

#include "store/filewrite.h"
#include "store/storeerror.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileDialog>
#include <QMessageBox>
#include <QTextStream>

namespace owb {

QString exportCsv(QWidget *parent, const QString &suggestedName, const std::function<void(QTextStream &)> &write)
{
    const QString path = QFileDialog::getSaveFileName(
        parent, QCoreApplication::translate("owb::CsvExport", "Export CSV"), suggestedName,
        QCoreApplication::translate("owb::CsvExport", "CSV files (*.csv)"));
    if (path.isEmpty())
        return {};
    // Written whole or not at all (store/filewrite): a full disk leaves no
    // cut-off export and an earlier file of that name as it was.
    try {
        // What it writes may be read from the store (a team workspace's
        // connection lost meanwhile): refused in words like a full disk.
        QString text;
        QTextStream out(&text);
        write(out);
        out.flush();
        writeFileWhole(path, text.toUtf8());
    } catch (const StoreError &error) {
        QMessageBox::critical(parent, QCoreApplication::translate("owb::CsvExport", "Export failed"), error.message());
        return {};
    }
    showStatusNotice(parent,
        QCoreApplication::translate("owb::CsvExport", "Written %1").arg(QDir::toNativeSeparators(path)));
    return path;
}

} // namespace owb
