// Formats CSL-JSON items with citeproc-js, the reference CSL processor, for the comparison
// tests: prints {"bibliography": [[id, entry], ...], "citations": [[id, citation], ...]}.
//
//   node format.js CITEPROC_DIR STYLE.csl LOCALES_DIR ITEMS.json FORMAT [citations]
//
// CITEPROC_DIR holds node_modules/citeproc (npm install --prefix CITEPROC_DIR citeproc).
// Each item is cited once, in order, in a citation of its own (as a document citing every
// item would), so that disambiguation sees every citation.
'use strict';
const fs = require('fs');
const path = require('path');

const [citeprocDir, styleFile, localesDir, itemsFile, format, citations] = process.argv.slice(2);
const CSL = require(path.join(citeprocDir, 'node_modules', 'citeproc'));
const items = JSON.parse(fs.readFileSync(itemsFile, 'utf8'));
const byId = new Map(items.map((item) => [item.id, item]));
const system = {
  retrieveLocale: (lang) => {
    const file = path.join(localesDir, `locales-${lang}.xml`);
    return fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : false;
  },
  retrieveItem: (id) => byId.get(id),
};
const style = fs.readFileSync(styleFile, 'utf8');
const ids = items.map((item) => item.id);

const engine = new CSL.Engine(system, style);
engine.setOutputFormat(format);
engine.updateItems(ids);
const [params, entries] = engine.makeBibliography();
// entry_ids also lists the items that print nothing, which have no entry.
const empty = new Set(params.bibliography_errors.map((problem) => String(problem.itemID)));
const printed = params.entry_ids.map((entryIds) => entryIds[0]).filter((id) => !empty.has(String(id)));
if (printed.length !== entries.length) throw new Error('entries and their ids do not line up');
const result = {bibliography: printed.map((id, n) => [id, entries[n]])};

if (citations === 'citations') {
  const citing = new CSL.Engine(system, style);
  citing.setOutputFormat(format);
  citing.updateItems(ids);
  const clusters = ids.map((id, n) => ({
    citationID: `c${n}`, citationItems: [{id}], properties: {noteIndex: n + 1},
  }));
  result.citations = citing.rebuildProcessorState(clusters, format).map((row, n) => [ids[n], row[2]]);
}
process.stdout.write(JSON.stringify(result));
