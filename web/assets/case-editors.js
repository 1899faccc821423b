// case-editors.js - loads the editors of the case summary page's areas. Each module registers
// itself into the hooks of case-summary.js (areaActions for an area's header, rowActions for
// the rows of its table) when it is imported; app.js imports this file once. The summary page
// itself is case-page.js.
import './case-sides-edit.js';
import './case-courts-edit.js';
import './case-work-edit.js';
import './case-udf.js';
