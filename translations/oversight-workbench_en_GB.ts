<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB">
<context>
    <name>InterruptedWork</name>
    <message numerus="yes">
        <source>An interrupted re-assessment was completed on opening (%1): %n case-file quarter(s) written.</source>
        <translation>
            <numerusform>An interrupted re-assessment was completed on opening (%1): %n case-file quarter written.</numerusform>
            <numerusform>An interrupted re-assessment was completed on opening (%1): %n case-file quarters written.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>An interrupted import was completed on opening (%1): %n case-file quarter(s) written.</source>
        <translation>
            <numerusform>An interrupted import was completed on opening (%1): %n case-file quarter written.</numerusform>
            <numerusform>An interrupted import was completed on opening (%1): %n case-file quarters written.</numerusform>
        </translation>
    </message>
    <message>
        <source>Interrupted work</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An import into this workspace was interrupted: %1 may be missing from some case files. Open it where you may change it, with no other instance using it, to complete the import.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A re-assessment (File ▸ Methodologies...) was interrupted: some case files still hold %1 under the methodology it replaced, so segments shown mix both. Open the workspace where you may change it, with no other instance using it, to complete the re-assessment.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>No values to chart.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Run chart: %n point(s), fewer than 13, so no process limits or special-cause signals (not enough data).</source>
        <translation>
            <numerusform>Run chart: %n point, fewer than 13, so no process limits or special-cause signals (not enough data).</numerusform>
            <numerusform>Run chart: %n points, fewer than 13, so no process limits or special-cause signals (not enough data).</numerusform>
        </translation>
    </message>
    <message>
        <source>Variation: common cause (no special-cause signal at the latest point).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Variation: special cause, %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assurance against the standard: %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TeamConnection</name>
    <message>
        <source>your account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this machine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this machine (port %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 on %2 · signed in as %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · connection lost: reconnecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · connection lost: choose File &gt; Reconnect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the connection to the team workspace was lost again at once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · access withdrawn: ask for the %2 role</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Segmentation and casework for NHS oversight.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A workspace folder or a case file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the demo workspace, creating it if needed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not done: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>owb::CapabilityModel</name>
    <message>
        <source>Area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Board self-assessment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Region&apos;s view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>owb::CapabilityPage</name>
    <message>
        <source>Assessment year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Capability areas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Region&apos;s overall capability view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rationale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why the region holds this view: track record, third-party views, concerns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date of the overall view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Region&apos;s overall view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Rating:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ra&amp;tionale:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Decided on:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add Evidence...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save Attachment As...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assessment &amp;year:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(not set)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2 KB)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the file is larger than %2 MB and cannot be attached.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: cannot read: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save Attachment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The change was not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not decided (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a date: type it as %2 or 31 Mar 2027. Nothing was saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was saved.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>owb::CaseRead</name>
    <message>
        <source>Not read again: the connection to the team workspace was lost (File &gt; Reconnect).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not read again: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>owb::CaseSession</name>
    <message>
        <source>Edit capability notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change self-assessment rating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change region&apos;s capability rating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change overall capability view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: no field &quot;%2&quot; in a system consideration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer system consideration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: open read-only (another instance holds the workspace), so nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the text is %2 characters long; at most %3 are allowed, so nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no computed segment to decide on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Segment %1 is the computed segment for %2: that is a confirmation, not a correction. Use Confirm Computed Segment, or choose another segment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a segment (1 to 5).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This correction to segment %1 is already recorded for %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The computed segment %1 is already confirmed for %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct the segment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm the segment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the programme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The organisation is not in the programme in %1, so there is no exit to record.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The exit from the programme is already recorded for %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record exit from the programme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Segment 5 is decided by entering the %1, not by a correction: use Enter the Programme.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In %1 the organisation is in the %2, which decides its segment (5 until the exit is recorded): there is nothing to confirm or correct.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The diagnostic review is decided: its fields, findings and evidence stay as they were when the region decided (Edit &gt; Undo of the decision opens them again). Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: there is no change of yours left to save.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no programme segment (its methodology has no segment 5): choose a segment from 1 to 4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was changed in case %1. %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This workspace is open read-only (another instance holds it), so nothing can be changed here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: someone else has stored this change already; the case now shows it. Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark milestone done</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>owb::CaseView</name>
    <message>
        <source>← Portfolio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to the portfolio (Alt+Left)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1  %2  ·  %3  ·  %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What-if</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Capability</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Casework</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The case could not be read</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>owb::Casework</name>
    <message>
        <source>In the programme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Diagnostic review open</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n overdue</source>
        <translation>
            <numerusform>%n overdue</numerusform>
            <numerusform>%n overdue</numerusform>
        </translation>
    </message>
    <message>
        <source>A decision for %1 is already recorded (%2 by %3 on %4); there is one decision per quarter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The organisation is already in the programme in %1 (since %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The organisation enters the programme in %1; an entry in %2 would overlap it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The due date %1 is before the start date %2: it must be on or after it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The exit date %1 is before the entry date %2: it must be on or after it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>diagnostic review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>finding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>evidence item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>programme record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>exit criterion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>milestone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>progress review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>trajectory point</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>system consideration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>statutory assessment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>capability area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>overall capability view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone else removed this %1 since you opened it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone else changed this %1&apos;s %2 to &quot;%3&quot; since you opened it (you saw &quot;%4&quot;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone else changed this %1&apos;s %2 to &quot;%3&quot; since you opened it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone else changed this %1 since you opened it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 Your change was not saved; the case has been reloaded so that you see it as it is now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The decision date %1 is before the review&apos;s start date %2: it must be on or after it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The entry date %1 is not in the entry quarter %2: it must be from %3 to %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An exit is recorded in a quarter after the entry quarter %1; %2 is not after it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The due date %1 is before the programme&apos;s entry date %2: it must be on or after it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The review date %1 is before the programme&apos;s entry date %2: it must be on or after it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 already has a planned value for %2 (%3); there is one per metric and quarter: remove that point first to plan another.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The entry date %1 is before the exit recorded on %2: a new period in the programme starts on or after the last one ended.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The exit date %1 is not in the exit quarter %2: it must be from %3 to %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The entry date %1 is after the due date %2 of the exit criterion &quot;%3&quot;: it must be on or before it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The entry date %1 is after the progress review held on %2: it must be on or before it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A diagnostic review&apos;s reason for opening</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A diagnostic review&apos;s team</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A diagnostic review&apos;s scope and terms of reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A diagnostic review&apos;s start date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A diagnostic review&apos;s due date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A finding&apos;s root cause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A finding&apos;s severity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A finding&apos;s description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An evidence item&apos;s title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An evidence item&apos;s date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A programme entry&apos;s reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A programme entry&apos;s date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An exit criterion&apos;s description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An exit criterion&apos;s status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A progress review&apos;s date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A progress review&apos;s summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A milestone&apos;s description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A milestone&apos;s due date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A milestone&apos;s status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A planned value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is needed: it cannot be left empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A milestone has a done date only while its status is %1: set the status to %1 first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no programme segment (its methodology names no programme and has no segment 5), so there is no entry into the programme to record in %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The decision date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The evidence item&apos;s date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The progress review&apos;s date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The exit date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The date it was done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The assessment date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The start date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The due date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The entry date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The text is %1 characters long; at most %2 are allowed: shorten it by %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2 is more than %3 years from today: a date from %4 to %5 is expected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2 is after today (%3): it says when something happened, so it is today or earlier.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The assessment date %1 is not in %2: a note for %2 is dated from %3 (a year before it starts) to %4, and not after today.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a metric of the methodology: pick one from its list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a root cause in the methodology&apos;s list: choose one of %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a number: type the planned value as a number, such as 62.5.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too large to be a real value for %1 (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2) is from %3: %4 is outside that range.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2) is from %3 (%4): %5 is outside that range.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The capability conclusion &quot;%1&quot; is not in the methodology&apos;s list: choose one of %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The recommendation &quot;%1&quot; is not in the methodology&apos;s list: choose one of %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The decision &quot;%1&quot; is not in the methodology&apos;s list: choose one of %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a severity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a milestone status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an exit criterion status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a review status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not %2 in the methodology&apos;s list: choose one of %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The text holds %1 at character %2: remove it, as it shows the text in another order than it was typed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a domain of the methodology: pick the domains from its list: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a metric of the methodology: pick the metrics from its list (owb methodology show lists them).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The decision for %1 that you saw was taken back meanwhile: the quarter has none now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 corrected %2 to segment %3 meanwhile (on %4): &quot;%5&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 confirmed the computed segment %2 for %3 meanwhile (on %4).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is one decision per quarter, so yours was not saved; the case now shows the quarter as it is stored. Decide again if yours should replace it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The decision for %1 that you saw was replaced: %2 The decision for %1 is now theirs, and it stands.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 Your undo was not applied; the case has been reloaded so that you see it as it is now.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>owb::CaseworkPage</name>
    <message>
        <source>The change was not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quarterly decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Diagnostic review and findings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Casework sections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Milestones</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>owb::CaseworkSection</name>
    <message>
        <source>Overdue: due %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(not set)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a date: type it as %2 or 31 Mar 2027. Nothing was saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (not in the methodology&apos;s list)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a date: type it as %2 or 31 Mar 2027.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>owb::CellProblem</name>
    <message>
        <source>Row %1, %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>owb::ChangesModel</name>
    <message>
        <source>Segment %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finance override</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Peer type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Was</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What lies behind it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not segmented</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>owb::ChangesPanel</name>
    <message>
        <source>← Portfolio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export CSV...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes this quarter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No earlier quarter to compare %1 with.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n organisation(s) changed segment between %1 and %2</source>
        <translation>
            <numerusform>%n organisation changed segment between %1 and %2</numerusform>
            <numerusform>%n organisations changed segment between %1 and %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>owb::ChoiceDelegate</name>
    <message>
        <source>(not set)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (not in the methodology&apos;s list)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>owb::ChoiceSet</name>
    <message>
        <source>%1 (not in the methodology&apos;s list)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>owb::Commands</name>
    <message>
        <source>Add note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add evidence &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete evidence &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>owb::ConflictDialog</name>
    <message>
        <source>Someone Else Changed This Record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone else removed this record since you opened it, so your change was not saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone else changed this record since you opened it, so your change was not saved. Keep yours (it replaces theirs), take theirs, or edit yours first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Field&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Yours&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Stored now&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(removed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stored %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keep Mine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit Mine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Take Theirs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save Mine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why the review is opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Team</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scope and terms of reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decision-maker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rationale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Milestone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exit criterion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Improvement director</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exit and transition plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Metric</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Board self-assessment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Region&apos;s view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decided on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Root cause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone else changed this record since you opened it, so it was not removed. Remove it anyway (their change goes with it), or keep theirs (the record stays as it is now).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone else changed this record since you opened it, so it was not removed. The case now shows it as it is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone else changed this record since you opened it, so your change was not saved. Keep yours (it replaces theirs), or take theirs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone else changed this record since you opened it, so your change was not saved. The case now shows theirs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;You saw&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seen %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove Anyway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>K&amp;eep Theirs</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>owb::CsvExport</name>
    <message>
        <source>Export CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Written %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>owb::DateEdit</name>
    <message>
        <source>A date, such as %1 or 31 Mar 2027</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>owb::DecisionSection</name>
    <message>
        <source>Quarterly decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record &amp;a Correction...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;onfirm Computed Segment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Computed segment for %1: %2; final segment: %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No computed segment for %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not yet reviewed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not yet reviewed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Corrected to segment %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Computed segment confirmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no computed segment to decide on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record a Correction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The computed segment for %1 is %2. A correction decides another segment, with the reason kept in the record.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Corrected segment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That is the computed segment: choose another, or use Confirm Computed Segment instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The earlier decision for %1 was replaced (Edit ▸ Undo puts it back).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In the %1, the programme decides the segment: 5 until its exit is recorded, whatever the computed segment. There is nothing to confirm or correct; to leave segment 5, record the exit in the %1 section.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Segment 5: the programme decides</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Corrected to segment %1 by %2 on %3%4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Computed segment confirmed by %1 on %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That decision was made when the computed segment was %1; it is now %2 under %3. Review it: confirm the computed segment or record a correction.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decided on computed segment %1, now %2: review it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace the Correction?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This replaces the correction to segment %1%2 with the computed segment %3. Replace it?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (reason: %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The computed segment is already confirmed for %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>owb::DomainChart</name>
    <message>
        <source>Domain scores chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Domain scores (1 best, 4 worst)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Peer median</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 %3, peer median %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not scored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No domain scores.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>owb::EvidenceDialog</name>
    <message>
        <source>No file attached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add Evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. trust board, CQC, region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attach &amp;File...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attach File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Source:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Area:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A date is needed: type it as %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a date: type it as %2 or 31 Mar 2027.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: %1
Everything you typed is still here: press OK to try again, or Cancel.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>owb::History</name>
    <message>
        <source>Metric</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Domain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>correction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>computed segment confirmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>re-assessed under %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>re-assessed under %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, in place of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>segment: %1 → %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>re-assessed under %1 (%2 re-issued %3, file changed: SHA-256 %4... in place of %5...)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>re-assessed under %1 (re-issued %2, file changed: SHA-256 %3... in place of %4...)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>final segment: %1 → %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no programme segment in %1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>owb::HistoryPage</name>
    <message>
        <source>Filter by record, e.g. note, milestone 3, capability_area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter the history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History of the case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(outside the workbench)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The audit trail is intact: every entry is sealed in an unbroken hash chain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The audit trail is damaged: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>re-assessed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>owb::Import</name>
    <message>
        <source>Reading %1...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bringing case files up to date...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was not imported, and nothing was changed. Problems found:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing to the team workspace...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Methodology Needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose Methodology File...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Methodology File for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Methodology files (*.json);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Methodology refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-assessing under %1: bringing case files up to date...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applying Methodology</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Re-assessing: %1 of %n case file(s) brought up to date...</source>
        <translation>
            <numerusform>Re-assessing: %1 of %n case file brought up to date...</numerusform>
            <numerusform>Re-assessing: %1 of %n case files brought up to date...</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 holds quarters of %2, and a new workspace has a methodology only for %3. Choose the methodology file for %2 to create the workspace with it; nothing has been created yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 declares %2, not %3: choose the methodology file whose &quot;years&quot; include %3. Nothing has been created.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the workspace has no methodology for %2, so the quarter cannot be assessed. Add the methodology file for %2 first (File ▸ Methodologies..., then Add Methodology File..., a file whose &quot;years&quot; include %2), then import this file again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the workspace has no methodology for %2, so those quarters cannot be assessed. Add the methodology file for %2 first (File ▸ Methodologies..., then Add Methodology File..., a file whose &quot;years&quot; include %2), then import this file again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>owb::LeagueModel</name>
    <message>
        <source>Segment %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not segmented</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In deficit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Segment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Average score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finances</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Improvement to next segment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In the highlighted region, %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The region&apos;s overall view of capability, %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Capability view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Casework</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>owb::LeaguePanel</name>
    <message>
        <source>← Portfolio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>League table for &amp;peer type:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export CSV...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>League table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 under %2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Region filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Highlight region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Region:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Highlight:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All regions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No highlight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The league table was not read</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>owb::MainWindow</name>
    <message>
        <source>Oversight Workbench</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quarter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open Workspace...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;Demo Workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Close Workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Portfolio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Oversight Workbench</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Oversight Workbench</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Oversight Workbench&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Segmentation, peer benchmarking and casework for the NHS Oversight Framework. Every rule comes from the methodology file in force, shown in the status bar.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quarter:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Oversight Workbench - %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create the demo workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n case file(s) could not be read: %1</source>
        <translation>
            <numerusform>%n case file could not be read: %1</numerusform>
            <numerusform>%n case files could not be read: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>A change could not be saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open case file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Methodology: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;League Table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New Workspace from Metric File...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import Metric File...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import Metric File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New Workspace from Metric File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose an Empty Folder for the Workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create a workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not empty. Choose an empty folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow only the organisations of this region (leave empty to follow all):</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Imported %1: %n row(s); case files created %2, updated %3</source>
        <translation>
            <numerusform>Imported %1: %n row; case files created %2, updated %3</numerusform>
            <numerusform>Imported %1: %n rows; case files created %2, updated %3</numerusform>
        </translation>
    </message>
    <message>
        <source>No case open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a case first, or export the regional pack.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Written %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The report was not written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Changes This Quarter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reconciliation with the Published League Table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workspace in use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is in use by %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only one instance can change a workspace at a time. You can open it read-only: you will see its case files but cannot change them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;Read-Only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workspace on a network drive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;xport Case Report...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Regional &amp;Pack...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Earlier Quarter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>La&amp;ter Quarter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Methodologies...</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 is in force for %2; %n case-file quarter(s) re-assessed</source>
        <translation>
            <numerusform>%1 is in force for %2; %n case-file quarter re-assessed</numerusform>
            <numerusform>%1 is in force for %2; %n case-file quarters re-assessed</numerusform>
        </translation>
    </message>
    <message>
        <source>Rows skipped, of metrics not in the methodology: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Re&amp;view Report...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;Team Workspace...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open team workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected to %1. The password could not be remembered: %2. You will be asked for it next time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 [read-only]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Imported %1: %n row(s); cases created %2, updated %3</source>
        <translation>
            <numerusform>Imported %1: %n row; cases created %2, updated %3</numerusform>
            <numerusform>Imported %1: %n rows; cases created %2, updated %3</numerusform>
        </translation>
    </message>
    <message>
        <source>This workspace is read-only: %1, so nothing can be changed here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rec&amp;onnect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>your account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server did not accept the password for %1. Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To reconnect to %1, the server asks for the password for %2. Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconnect to Team Workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot reconnect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconnected to the team workspace.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This workspace is read-only: %1 has it open, so nothing can be changed here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>National data changed on the server; case %1 is shown as now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case %1 changed on the server; shown as now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Show Colleagues&apos; Changes as They Happen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case %1 read again from the server; shown as now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported on the server: %1, now in the Quarter list.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>owb::MethodologiesDialog</name>
    <message>
        <source>no case file yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not segmented</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>declared by the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>back-cast</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>assessed before the register</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Methodologies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each quarter is assessed under the methodology in force for its financial year. Adding a re-issued file for a year re-assesses only that year&apos;s quarters, after showing what would change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Methodology register</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Methodology</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Basis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add Methodology File...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a methodology JSON file; what it would change is shown before anything is written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No workspace is open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This workspace is open read-only, so no methodology can be added. Open it where you may change it, with no other instance using it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add Methodology File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Methodology files (*.json);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Methodology refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was changed: %1 was not added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 is in force for %2; %n case-file quarter(s) re-assessed.</source>
        <translation>
            <numerusform>%1 is in force for %2; %n case-file quarter re-assessed.</numerusform>
            <numerusform>%1 is in force for %2; %n case-file quarters re-assessed.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not added: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Methodology not added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add Methodology</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (replacing %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 (%2) for %3%4 would re-assess the %n stored quarter(s) of those years. Nothing is written until you apply it.</source>
        <translation>
            <numerusform>%1 (%2) for %3%4 would re-assess the %n stored quarter of those years. Nothing is written until you apply it.</numerusform>
            <numerusform>%1 (%2) for %3%4 would re-assess the %n stored quarters of those years. Nothing is written until you apply it.</numerusform>
        </translation>
    </message>
    <message>
        <source>What adding the methodology does</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quarter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Segment before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Segment after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Average before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Average after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decisions to review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decided on computed segment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Computed segment after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decided by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decided on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correction to segment %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirmation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Raw segment before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Raw segment after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rank before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rank after</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Recorded decisions made on a computed segment that would change: %n. Each is kept as recorded and its case will ask for it to be reviewed.</source>
        <translation>
            <numerusform>Recorded decisions made on a computed segment that would change: %n. Each is kept as recorded and its case will ask for it to be reviewed.</numerusform>
            <numerusform>Recorded decisions made on a computed segment that would change: %n. Each is kept as recorded and its case will ask for it to be reviewed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n case-file quarter(s) would be re-assessed in all, each rewritten.</source>
        <translation>
            <numerusform>%n case-file quarter would be re-assessed in all, each rewritten.</numerusform>
            <numerusform>%n case-file quarters would be re-assessed in all, each rewritten.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of them only to record the new methodology (nothing listed above changes in them).</source>
        <translation>
            <numerusform>%n of them only to record the new methodology (nothing listed above changes in them).</numerusform>
            <numerusform>%n of them only to record the new methodology (nothing listed above changes in them).</numerusform>
        </translation>
    </message>
    <message>
        <source>No programme segment in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Programme segment 5 in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Final segment before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Final segment after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why the final segment moves</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>League rank before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>League rank after</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n organisation quarter(s) the workspace does not follow would move in the league tables.</source>
        <translation>
            <numerusform>%n organisation quarter the workspace does not follow would move in the league tables.</numerusform>
            <numerusform>%n organisation quarters the workspace does not follow would move in the league tables.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing was changed: %1 is already in force for %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No organisation quarter changed segment, final segment, raw segment, average, rank or league rank.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n organisation quarter(s) changed, as listed before applying:</source>
        <translation>
            <numerusform>%n organisation quarter changed, as listed before applying:</numerusform>
            <numerusform>%n organisation quarters changed, as listed before applying:</numerusform>
        </translation>
    </message>
    <message>
        <source>Methodology Applied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2) is already in force for %3: it is the same file, byte for byte (SHA-256 %4...). There is nothing to apply.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2) for %3%4: no quarter of %3 is stored yet, so there is nothing to re-assess. Nothing is written until you apply it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2) for %3%4: no quarter of those years is stored yet, so there is nothing to re-assess. Nothing is written until you apply it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 (%2) for %3%4 would re-assess the %n stored quarter(s) of %3. Nothing is written until you apply it.</source>
        <translation>
            <numerusform>%1 (%2) for %3%4 would re-assess the %n stored quarter of %3. Nothing is written until you apply it.</numerusform>
            <numerusform>%1 (%2) for %3%4 would re-assess the %n stored quarters of %3. Nothing is written until you apply it.</numerusform>
        </translation>
    </message>
    <message>
        <source>No organisation quarter would change segment, final segment, raw segment, average, rank or league rank.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n organisation quarter(s) would change segment, final segment, raw segment, average, rank or league rank:</source>
        <translation>
            <numerusform>%n organisation quarter would change segment, final segment, raw segment, average, rank or league rank:</numerusform>
            <numerusform>%n organisation quarters would change segment, final segment, raw segment, average, rank or league rank:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>owb::Methodology</name>
    <message>
        <source>re-issue of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>methodology %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>owb::MetricFileReader</name>
    <message numerus="yes">
        <source>none of the %n row(s) holds a value of methodology %1: its rows of the methodology&apos;s metrics (%2) hold only suppressed or missing values (&apos;*&apos;, &apos;-&apos; or empty)</source>
        <translation>
            <numerusform>none of the %n row holds a value of methodology %1: its rows of the methodology&apos;s metrics (%2) hold only suppressed or missing values (&apos;*&apos;, &apos;-&apos; or empty)</numerusform>
            <numerusform>none of the %n rows holds a value of methodology %1: its rows of the methodology&apos;s metrics (%2) hold only suppressed or missing values (&apos;*&apos;, &apos;-&apos; or empty)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>none of the %n row(s) holds a metric of methodology %1 (is this the right file, or one for another methodology?)</source>
        <translation>
            <numerusform>none of the %n row holds a metric of methodology %1 (is this the right file, or one for another methodology?)</numerusform>
            <numerusform>none of the %n rows holds a metric of methodology %1 (is this the right file, or one for another methodology?)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: skipped %n row(s)</source>
        <translation>
            <numerusform>%1: skipped %n row</numerusform>
            <numerusform>%1: skipped %n rows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> of %n metric(s) not in methodology %1 (%2)</source>
        <translation>
            <numerusform> of %n metric not in methodology %1 (%2)</numerusform>
            <numerusform> of %n metrics not in methodology %1 (%2)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more error(s) not listed</source>
        <translation>
            <numerusform>%n more error not listed</numerusform>
            <numerusform>%n more errors not listed</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>owb::MetricTrendChart</name>
    <message>
        <source>Metric trend chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Peer interquartile range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Peer median</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mean (run chart)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mean</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Process limits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Special cause: improvement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Special cause: concern</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Special cause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Standard</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>owb::MetricView</name>
    <message>
        <source>bands</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>floor %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>up to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>higher is better</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lower is better</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>owb::MetricsModel</name>
    <message>
        <source>%1 (%2), %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>weight %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>contextual, not scored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>context</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>better than last quarter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>worse than last quarter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>▶ same</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Metric</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Standard / floor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Peer median</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Peer quartiles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rank among peers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 better</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 worse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fell</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>owb::MetricsPage</name>
    <message>
        <source>Show the chart as a &amp;table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Metrics of the quarter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Metric over time, as a table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quarter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Peer lower quartile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Peer median</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Peer upper quartile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SPC signal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is rated in bands, not measured as a number: there is no chart of it over time. Its rating for %2 is in the table above.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>owb::MilestoneSection</name>
    <message>
        <source>Recovery plan milestones</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Milestone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove Milestone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark Milestone Do&amp;ne</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove milestone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select the milestone that is done first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No recovery plan milestones yet. Add a milestone for each step of the recovery plan, with its owner and due date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Milestones: %1, none overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a date: type it as %2 or 31 Mar 2027.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add milestone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add Milestone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A step of the recovery plan, who owns it and when it is due.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(as of %1, the end of %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overdue milestones (%1) are shown in red: past their due date and not done%2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No milestone is overdue%1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Milestones: %1, %2 overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add &amp;Milestone...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done on</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>owb::NeedsAction</name>
    <message>
        <source>Segment %1, no review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>quarter not decided</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n overdue</source>
        <translation>
            <numerusform>%n overdue</numerusform>
            <numerusform>%n overdue</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n off trajectory</source>
        <translation>
            <numerusform>%n off trajectory</numerusform>
            <numerusform>%n off trajectory</numerusform>
        </translation>
    </message>
    <message>
        <source>decision made on computed segment %1, now %2: review it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>decision %1 is none a workbench could record and does not count: owb check says why</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n decisions recorded where there is one, none counting: owb check names them</source>
        <translation>
            <numerusform>%n decisions recorded where there is one, none counting: owb check names them</numerusform>
            <numerusform>%n decisions recorded where there is one, none counting: owb check names them</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>owb::NotesModel</name>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Author</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>owb::NotesPage</name>
    <message>
        <source>Search notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write a note (Ctrl+Return adds it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;dd Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>De&amp;lete Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The case in general</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Domain: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Metric: %1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The note was not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The note was not deleted</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>owb::OverviewPage</name>
    <message>
        <source>Segment
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not
segmented</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No assessment for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assessed under methodology %1 (SHA-256 %2...) on %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The case file holds no assessment for this quarter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Segment by quarter, as a table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quarter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Segment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Average score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Domain scores, as a table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Domain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Domain segment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Peer median</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the charts as &amp;tables</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not segmented</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not segmented in this framework year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its contextual metrics, with peer quartiles and trends, are on the Metrics tab; the system considerations and the statutory annual assessment are on the System tab.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In the %1 (equivalent to segment 5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decision: corrected from segment %1 to segment %2 (%3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Segment %1 is a recorded decision for %2; the scores alone give segment %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In the %1: segment 5 until an exit is recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No change in the scores moves it out of segment 5: only an exit from the programme does.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Methodology</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (methodology changed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2 planned, %3 actual)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Off trajectory in %1: %2; see the Casework tab.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In the %1 since %2; %3 has no programme segment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Methodology changes in the segment history</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>owb::PortfolioModel</name>
    <message>
        <source>Segment %1 in %2, %3 in %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Segment %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not segmented</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No previous segment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Peer type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Segment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Movement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The region&apos;s overall view of capability, %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Casework</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Improved (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deteriorated (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>finance override</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Methodology changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Average metric score (1.00 best, 4.00 worst)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>League rank within the peer type, after the quarter&apos;s decisions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The region&apos;s view of the organisation&apos;s capability this year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Segment 4 with no review, a quarter not decided, overdue items, off trajectory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When the case file last changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Average</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Capability</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Methodology changed; entered the programme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Methodology changed; left the programme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Methodology changed; decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Methodology changed; first segmented</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Methodology changed; entered the programme (%1 has no programme segment)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>owb::PortfolioPanel</name>
    <message>
        <source>Filter by code, name, peer type or region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter case files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Peer type filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Segment filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All segments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Segment %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not segmented</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export CSV...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All peer types</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n case file(s) shown</source>
        <translation>
            <numerusform>%1 of %n case file shown</numerusform>
            <numerusform>%1 of %n case files shown</numerusform>
        </translation>
    </message>
    <message>
        <source>Changed this quarter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter (%1); Enter opens the only match or moves to the first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Needs action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs action only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show only the organisations that need action this quarter: segment 4 with no diagnostic review, a segment-4 quarter not yet decided, overdue items or off trajectory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>needs action</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>No organisation matches %1. Clear the filter or choose another to see the %n case file(s).</source>
        <translation>
            <numerusform>No organisation matches %1. Clear the filter or choose another to see the %n case file.</numerusform>
            <numerusform>No organisation matches %1. Clear the filter or choose another to see the %n case files.</numerusform>
        </translation>
    </message>
    <message>
        <source>, </source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n case(s) shown</source>
        <translation>
            <numerusform>%1 of %n case shown</numerusform>
            <numerusform>%1 of %n cases shown</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>owb::ProgrammeSection</name>
    <message>
        <source>Recovery Support Programme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the &amp;Programme...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record E&amp;xit...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exit criteria (agreed at entry)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exit criterion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Measure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exit criteria</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress reviews</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attendees</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decisions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Improvement trajectory (planned against actual)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Metric</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quarter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Planned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actual</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Improvement trajectory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Programmes left (read-only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entry date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Improvement director</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exit date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exit and transition plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Programmes left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Improvement trajectory chart (the table beside it holds the same values)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove Criterion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove exit criterion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove Review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove progress review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add &amp;Trajectory Point...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove Point</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove trajectory point</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Left the programme in %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not in the programme in %1. Enter the programme when the region decides on intensive support (usually after a diagnostic review); exit criteria, progress reviews and the improvement trajectory are kept here then.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In it since %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not in it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>off trajectory in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lower is better</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>higher is better</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Off trajectory: %1 planned, %2 actual (%3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (off trajectory)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 in %2 (%3 planned, %4 actual, %5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No trajectory yet. Add a trajectory point for each quarter ahead with the value the recovery plan expects; the actual values are read from the metric data as they come.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Off trajectory: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On trajectory in every quarter with data so far.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Planned ahead: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add trajectory point</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2; overdue, due %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add Exit Criterion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A condition agreed at entry for leaving the programme.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Criterion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add exit criterion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add Progress Review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A progress review of the programme.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add progress review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (ahead)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add Trajectory Point</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Planned value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the Programme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the programme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exit Criteria Not Met</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exit criteria agreed at entry that are not met:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record the exit anyway? The criteria stay as they are, kept with the programme.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record Exit Anyway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record Exit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not in it; left in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Director</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transition plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No exit criteria yet. Add the conditions agreed at entry for leaving the programme.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No progress reviews yet. Add one after each progress review meeting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In the %1 since %2: %3 until an exit is recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An exit is recorded in a later quarter than %1, the entry quarter: choose that quarter to record it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not in the programme in %1. %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>exit criteria overdue: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>segment 5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>equivalent to segment 5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The regional decision to enter the %1: %2 from %3 until an exit is recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The exit from the programme in %1: no longer %2 from then on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (not counted: not in the programme in %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The trajectory counts only in quarters in the programme.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add Exit &amp;Criterion...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add Progress &amp;Review...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In the %1 since %2; %3 has no programme segment, so the segment is the computed or decided one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason for entering</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not counted: not in the programme in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not counted, as the organisation is not in the programme then: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The value the recovery plan expects for a metric in a quarter: any quarter from the programme&apos;s entry to %1, two years after the latest quarter with data. The actual value is read from the metric data when that quarter&apos;s data comes.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>owb::ReconcilePanel</name>
    <message>
        <source>Only &amp;differences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>← Portfolio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open Published League Table...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export CSV...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open NHS England&apos;s published league table (a CSV with Trust_code, Segment, Average_score, Trust_in_financial_deficit and Rank) to compare it with this workspace.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trust</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Published segment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Computed segment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Published average</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Computed average</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Published rank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Computed rank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why they differ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconciliation with the published league table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Published League Table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot reconcile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be read as a published league table.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 against %2: %n trust(s) compared, %3 differ.</source>
        <translation>
            <numerusform>%1 against %2: %n trust compared, %3 differ.</numerusform>
            <numerusform>%1 against %2: %n trusts compared, %3 differ.</numerusform>
        </translation>
    </message>
    <message>
        <source>agrees</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line %1 of the published file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The toolbar shows %1; open the published table of %1 to compare that quarter.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>owb::Reconciliation</name>
    <message>
        <source>No trust of the published table (%1 rows) is in the workspace&apos;s data for %2: its codes match none of the workspace&apos;s organisations. Check that the table is the one published for this workspace&apos;s data and quarter.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>owb::RecordDialog</name>
    <message>
        <source>(not set)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (not in the methodology&apos;s list)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (required):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a date: type it as %2 or 31 Mar 2027.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A date is needed: type it as %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is needed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard what you typed in this form?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep Editing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard Changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing from this form (%1) has been stored yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: %1
Everything you typed is still here: press OK to try again, or Cancel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The change was not saved</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>owb::ReviewSection</name>
    <message>
        <source>Diagnostic review and findings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a &amp;Diagnostic Review...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move to the &amp;Next Stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record the Re&amp;gional Decision...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Findings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Root cause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Severity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Domains</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evidence item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evidence for the selected finding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Team</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scope and terms of reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Capability conclusion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recommendation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add &amp;Finding...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove Finding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove finding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add E&amp;vidence Item...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove Evidence Item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove evidence item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evidence for the selected finding:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No diagnostic review yet. Open a diagnostic review to find the root causes of segment 4 before the region decides on support.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No diagnostic review. Reviews are opened for organisations in segment 4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened in %1%2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage %1 of %2: %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decision: %1 (%2, %3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add or remove evidence items below the findings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None yet: open one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(not set)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open diagnostic review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select the finding the evidence supports first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add evidence item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no open diagnostic review to move on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The review reaches &quot;%1&quot; when the regional decision is recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no open diagnostic review to decide.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose one of the decisions the methodology lists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record the regional decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record the Regional Decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decision date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decision-maker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rationale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add Finding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A finding of the diagnostic review, with its root cause and severity.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add finding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add Evidence Item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evidence behind the selected finding.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evidence (document, data, interview)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source or reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The review is at %1: the region decides once it reaches %2 (Move to the next stage first).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The review&apos;s capability conclusion is needed before the decision.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The review&apos;s recommendation is needed before the decision.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The diagnostic review is already decided.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The decision was not recorded. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The region&apos;s decision on the diagnostic review, on its capability conclusion and recommendation. Recording it closes the review.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a Diagnostic Review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A diagnostic review of %1 in %2, to find the root causes of segment 4 before the region decides on support.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why the review is opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The review is decided: its fields, findings and evidence are read-only (undoing the decision opens them again).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No findings yet. Add a finding for each root cause the review finds, then the evidence for it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No evidence for the selected finding yet. Add an evidence item (a document, data or an interview) that supports it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The review has no findings: the region decides on what the review found, so add its findings first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The review has no findings yet, so there is nothing to report: add a finding for each root cause it found (Add Finding...) before it moves to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Then the review can move to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ed&amp;it Finding...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select the finding to edit first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit Finding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The finding&apos;s root cause, severity, text, and the domains and metrics it concerns. Its evidence items stay with it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The finding to edit is not in the review any more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit finding</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>owb::SegmentExplanation</name>
    <message>
        <source>No metric was scored in %1, so the organisation is not segmented.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>peer quartiles %1 among %n peer(s) (%2)</source>
        <translation>
            <numerusform>peer quartiles %1 among %n peer (%2)</numerusform>
            <numerusform>peer quartiles %1 among %n peers (%2)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Average %1 over %n scored metric(s); %2 → segment %3</source>
        <translation>
            <numerusform>Average %1 over %n scored metric; %2 → segment %3</numerusform>
            <numerusform>Average %1 over %n scored metrics; %2 → segment %3</numerusform>
        </translation>
    </message>
    <message>
        <source>; finance override: in deficit, so segment %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; in deficit (the finance override changes nothing in segment %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its delivery is in segment 1; only its finances hold it in segment %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Already in segment 1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To reach segment %1 the average must improve by %2, to %3 or better (against this quarter&apos;s cut points).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>While in deficit the finance override keeps it in segment %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>against the %1 thresholds %2 for %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>owb::SegmentHistoryChart</name>
    <message>
        <source>Segment history chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Segment by quarter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Segment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 from %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 from %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>owb::StatusNotice</name>
    <message>
        <source>Read-only</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>owb::SystemPage</name>
    <message>
        <source>Priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System considerations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assessed on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assessor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conclusion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Statutory annual assessment notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add Assessment &amp;Note...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add Assessment Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove assessment note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add assessment note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is segmented under methodology %2; the system considerations are recorded alongside.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System considerations, %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The methodology defines no system considerations.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 answered; %3 answered yes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Statutory annual assessment, %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The change was not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a date: type it as %2 or 31 Mar 2027. Nothing was saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No statutory assessment notes for this year yet. Add a note for each area the annual assessment covers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A note of %1&apos;s statutory annual assessment for %2: the area assessed, what was found and what it concludes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Area assessed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was saved.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>owb::TeamCredentials</name>
    <message>
        <source>the keyring holds no password for it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the keyring refused access (it may be locked)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no keyring service is running on this desktop (such as GNOME Keyring or KWallet)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the keyring could not be used (%1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>owb::TeamWorkspaceDialog</name>
    <message>
        <source>Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CA certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Browse...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;member in the keyring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Team Workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A team workspace is held on a PostgreSQL server: everyone in the team works in it at the same time, each with their own account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>db.region.example</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>empty: your ~/.pgpass or Kerberos sign-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When the server offers it (prefer)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Always, without checking the server (require)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Always, checking the server&apos;s certificate (verify-ca)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Always, checking the certificate and the name (verify-full)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never (disable)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When the server insists (allow)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the certificate file of the authority that signed the server&apos;s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse for the CA certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remember the password in the keyring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P&amp;ort:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;TLS:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;CA certificate:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Co&amp;nnect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CA Certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificates (*.crt *.pem *.cer);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the server&apos;s name or address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The port is a number from 1 to 65535 (PostgreSQL&apos;s usual one is 5432).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the name of the team workspace&apos;s database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your account on the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no certificate file %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>owb::TrajectoryChart</name>
    <message>
        <source>Actual</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Planned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2 to %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No trajectory planned.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1%2. Planned: %3. Actual: %4.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>owb::ValueDelegate</name>
    <message>
        <source>(missing)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>owb::WelcomePanel</name>
    <message>
        <source>Oversight Workbench</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Segmentation, peer benchmarking and casework for the NHS Oversight Framework: every trust&apos;s segment and the metrics behind it, compared with its national peers, beside the region&apos;s capability assessments, diagnostic reviews and Recovery Support Programme casework. Open a workspace to begin.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the demo workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An invented national dataset with the case files of one region, to try every view.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a workspace folder...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A folder of case files that you or a colleague made before.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create a workspace from a metric file...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import a CSV of metric values (ours or NHS England&apos;s published layout) into a new folder, following every organisation or one region.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recent workspaces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None yet: the workspaces you open will be listed here, to reopen with one click.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (no longer there)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reopen %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (not a folder)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>owb::WhatIf</name>
    <message>
        <source>“%1” is not one of the bands: choose %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a number: type a number such as 61.5.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a number: type a number from %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is out of range: %2 takes %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a smaller number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bands: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>owb::WhatIfModel</name>
    <message>
        <source>Metric</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actual value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What-if value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actual score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What-if score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1; values from %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Units and standard</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>owb::WhatIfPage</name>
    <message>
        <source>What-if metric values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reset to actual values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actual</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What-if</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Average score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delivery (raw) segment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>League rank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Computed segment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Final segment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In the Recovery Support Programme: the final segment is 5 until an exit is recorded, whatever the scores.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The final segment was decided by a correction: other values move the computed segment only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In &amp;deficit or receiving deficit support</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a different value in the &lt;b&gt;What-if value&lt;/b&gt; column (choose a band for banded metrics; empty for missing), or change whether the trust is in deficit. The quarter is assessed again against the same peers; nothing is stored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What-if: in deficit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear to see the segment if this trust were no longer in deficit; tick to see it in deficit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What-if values not taken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not taken (the scores use the last value that was): %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
