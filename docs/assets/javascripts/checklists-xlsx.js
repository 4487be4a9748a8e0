/* A small XLSX writer for the checklists' filled results (checklists.js).
 *
 * Why our own: the workbook is made in the reader's browser, offline, under
 * the site's strict Content-Security-Policy (no eval, no new Function), and
 * needs only what the blank downloads have: text and numbers, column widths,
 * a coloured header row repeated on every printed page and frozen on screen,
 * wrapped cells, a drop-down list of answers, filters, A4 landscape. That is
 * a few XML parts in a ZIP archive (ECMA-376; Office Open XML, SpreadsheetML)
 * with stored (uncompressed) entries and their CRC-32: about 200 lines, no
 * library to vendor and keep up to date. Strings are written inline
 * (inlineStr), so no cell is ever read as a formula.
 *
 * window.HandbookXlsx.workbook(spec) -> Uint8Array, where spec is
 *   { title, created (Date), sheets: [{ name, rows: [[cell...]...], widths: [chars...],
 *     header: true|false, validations: [{ col, from, to, list: [..] }] }] }
 * Row and column numbers in validations are 0-based; a cell is a string or a number.
 */
(function () {
  "use strict";

  var CRC_TABLE = (function () {
    var table = new Uint32Array(256);
    for (var n = 0; n < 256; n += 1) {
      var c = n;
      for (var k = 0; k < 8; k += 1) { c = (c & 1) ? (0xEDB88320 ^ (c >>> 1)) : (c >>> 1); }
      table[n] = c >>> 0;
    }
    return table;
  })();

  function crc32(bytes) {
    var c = 0xFFFFFFFF;
    for (var i = 0; i < bytes.length; i += 1) { c = CRC_TABLE[(c ^ bytes[i]) & 0xFF] ^ (c >>> 8); }
    return (c ^ 0xFFFFFFFF) >>> 0;
  }

  function utf8(text) { return new TextEncoder().encode(text); }

  /* A ZIP archive of stored entries (UTF-8 names), as Excel, LibreOffice and
   * openpyxl read them. */
  function zip(files, date) {
    var time = ((date.getHours() << 11) | (date.getMinutes() << 5) | (date.getSeconds() >> 1)) & 0xFFFF;
    var day = (((date.getFullYear() - 1980) << 9) | ((date.getMonth() + 1) << 5) | date.getDate()) & 0xFFFF;
    var parts = [];
    var central = [];
    var offset = 0;
    files.forEach(function (file) {
      var name = utf8(file.name);
      var data = file.data;
      var crc = crc32(data);
      var local = new DataView(new ArrayBuffer(30));
      local.setUint32(0, 0x04034b50, true);
      local.setUint16(4, 20, true);
      local.setUint16(6, 0x0800, true);
      local.setUint16(8, 0, true);
      local.setUint16(10, time, true);
      local.setUint16(12, day, true);
      local.setUint32(14, crc, true);
      local.setUint32(18, data.length, true);
      local.setUint32(22, data.length, true);
      local.setUint16(26, name.length, true);
      local.setUint16(28, 0, true);
      var entry = new DataView(new ArrayBuffer(46));
      entry.setUint32(0, 0x02014b50, true);
      entry.setUint16(4, 20, true);
      entry.setUint16(6, 20, true);
      entry.setUint16(8, 0x0800, true);
      entry.setUint16(10, 0, true);
      entry.setUint16(12, time, true);
      entry.setUint16(14, day, true);
      entry.setUint32(16, crc, true);
      entry.setUint32(20, data.length, true);
      entry.setUint32(24, data.length, true);
      entry.setUint16(28, name.length, true);
      entry.setUint32(42, offset, true);
      parts.push(new Uint8Array(local.buffer), name, data);
      central.push(new Uint8Array(entry.buffer), name);
      offset += 30 + name.length + data.length;
    });
    var size = central.reduce(function (sum, part) { return sum + part.length; }, 0);
    var end = new DataView(new ArrayBuffer(22));
    end.setUint32(0, 0x06054b50, true);
    end.setUint16(8, files.length, true);
    end.setUint16(10, files.length, true);
    end.setUint32(12, size, true);
    end.setUint32(16, offset, true);
    var all = parts.concat(central, [new Uint8Array(end.buffer)]);
    var total = all.reduce(function (sum, part) { return sum + part.length; }, 0);
    var out = new Uint8Array(total);
    var at = 0;
    all.forEach(function (part) { out.set(part, at); at += part.length; });
    return out;
  }

  /* Text for XML: escaped, without the control characters XML 1.0 forbids. */
  function esc(value) {
    return String(value)
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "")
      .replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  }

  function column(index) {
    var name = "";
    var n = index + 1;
    while (n > 0) {
      var rest = (n - 1) % 26;
      name = String.fromCharCode(65 + rest) + name;
      n = Math.floor((n - 1) / 26);
    }
    return name;
  }

  function sheetName(name, index) {
    var clean = String(name || "").replace(/[\\\/\*\?:\[\]]/g, " ").trim().slice(0, 31);
    return clean || ("Sheet" + (index + 1));
  }

  var NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' +
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
  var XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

  function sheetXml(sheet) {
    var rows = sheet.rows || [];
    var width = rows.reduce(function (max, row) { return Math.max(max, row.length); }, 1);
    var last = column(width - 1) + Math.max(rows.length, 1);
    var out = [XML, "<worksheet ", NS, ">"];
    out.push('<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>');
    out.push('<dimension ref="A1:' + last + '"/>');
    out.push('<sheetViews><sheetView workbookViewId="0">');
    if (sheet.header && rows.length > 1) {
      out.push('<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>');
    }
    out.push("</sheetView></sheetViews>");
    out.push('<sheetFormatPr defaultRowHeight="15"/>');
    if (sheet.widths && sheet.widths.length) {
      out.push("<cols>");
      sheet.widths.forEach(function (chars, i) {
        out.push('<col min="' + (i + 1) + '" max="' + (i + 1) + '" width="' + (Number(chars) + 0.71) +
          '" customWidth="1"/>');
      });
      out.push("</cols>");
    }
    out.push("<sheetData>");
    rows.forEach(function (row, r) {
      var style = sheet.header && r === 0 ? 1 : 2;
      out.push('<row r="' + (r + 1) + '">');
      row.forEach(function (value, c) {
        var ref = column(c) + (r + 1);
        if (typeof value === "number" && isFinite(value)) {
          out.push('<c r="' + ref + '" s="' + style + '"><v>' + value + "</v></c>");
        } else if (value === null || value === undefined || value === "") {
          out.push('<c r="' + ref + '" s="' + style + '"/>');  /* an empty cell keeps its borders */
        } else {
          out.push('<c r="' + ref + '" s="' + style + '" t="inlineStr"><is><t xml:space="preserve">' +
            esc(String(value)) + "</t></is></c>");
        }
      });
      out.push("</row>");
    });
    out.push("</sheetData>");
    if (sheet.header && rows.length > 1) {
      out.push('<autoFilter ref="A1:' + last + '"/>');
    }
    var checks = (sheet.validations || []).filter(function (v) { return v.to >= v.from; });
    if (checks.length) {
      out.push('<dataValidations count="' + checks.length + '">');
      checks.forEach(function (v) {
        var ref = column(v.col) + (v.from + 1) + ":" + column(v.col) + (v.to + 1);
        out.push('<dataValidation type="list" allowBlank="1" showErrorMessage="1" sqref="' + ref + '">' +
          "<formula1>" + esc('"' + v.list.join(",") + '"') + "</formula1></dataValidation>");
      });
      out.push("</dataValidations>");
    }
    out.push('<pageMargins left="0.4" right="0.4" top="0.5" bottom="0.5" header="0.3" footer="0.3"/>');
    out.push('<pageSetup paperSize="9" orientation="' + (sheet.portrait ? "portrait" : "landscape") +
      '" fitToWidth="1" fitToHeight="0"/>');
    out.push("</worksheet>");
    return out.join("");
  }

  var STYLES = XML +
    '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
    '<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>' +
    '<font><b/><sz val="11"/><color rgb="FFFFFFFF"/><name val="Calibri"/><family val="2"/></font></fonts>' +
    '<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>' +
    '<fill><patternFill patternType="solid"><fgColor rgb="FF8E1B1B"/><bgColor indexed="64"/></patternFill></fill></fills>' +
    '<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>' +
    '<border><left style="thin"><color rgb="FF999999"/></left><right style="thin"><color rgb="FF999999"/></right>' +
    '<top style="thin"><color rgb="FF999999"/></top><bottom style="thin"><color rgb="FF999999"/></bottom>' +
    "<diagonal/></border></borders>" +
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
    '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
    '<xf numFmtId="0" fontId="1" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1" ' +
    'applyAlignment="1"><alignment vertical="center" wrapText="1"/></xf>' +
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1" applyAlignment="1">' +
    '<alignment vertical="top" wrapText="1"/></xf></cellXfs>' +
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
    "</styleSheet>";

  function workbook(spec) {
    var sheets = spec.sheets || [];
    var created = spec.created instanceof Date ? spec.created : new Date();
    var names = sheets.map(function (sheet, i) { return sheetName(sheet.name, i); });
    var files = [];
    var types = [XML, '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">',
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>',
      '<Default Extension="xml" ContentType="application/xml"/>',
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>',
      '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>',
      '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>',
      '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>'];
    var rels = [XML, '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'];
    var book = [XML, "<workbook ", NS, "><bookViews><workbookView/></bookViews><sheets>"];
    var defined = [];
    sheets.forEach(function (sheet, i) {
      types.push('<Override PartName="/xl/worksheets/sheet' + (i + 1) +
        '.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>');
      rels.push('<Relationship Id="rId' + (i + 1) +
        '" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet' +
        (i + 1) + '.xml"/>');
      book.push('<sheet name="' + esc(names[i]) + '" sheetId="' + (i + 1) + '" r:id="rId' + (i + 1) + '"/>');
      var quoted = "'" + names[i].replace(/'/g, "''") + "'";
      var rows = sheet.rows || [];
      if (sheet.header && rows.length > 1) {
        var width = rows.reduce(function (max, row) { return Math.max(max, row.length); }, 1);
        defined.push('<definedName name="_xlnm._FilterDatabase" localSheetId="' + i + '" hidden="1">' +
          esc(quoted + "!$A$1:$" + column(width - 1) + "$" + rows.length) + "</definedName>");
        defined.push('<definedName name="_xlnm.Print_Titles" localSheetId="' + i + '">' +
          esc(quoted + "!$1:$1") + "</definedName>");
      }
      files.push({ name: "xl/worksheets/sheet" + (i + 1) + ".xml", data: utf8(sheetXml(sheet)) });
    });
    book.push("</sheets>");
    if (defined.length) { book.push("<definedNames>" + defined.join("") + "</definedNames>"); }
    book.push("</workbook>");
    rels.push('<Relationship Id="rId' + (sheets.length + 1) +
      '" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>');
    rels.push("</Relationships>");
    types.push("</Types>");
    var stamp = created.toISOString().replace(/\.\d{3}Z$/, "Z");
    var core = XML + '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
      'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
      'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>' + esc(spec.title || "") + "</dc:title>" +
      '<dcterms:created xsi:type="dcterms:W3CDTF">' + stamp + "</dcterms:created>" +
      '<dcterms:modified xsi:type="dcterms:W3CDTF">' + stamp + "</dcterms:modified></cp:coreProperties>";
    var app = XML + '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">' +
      "<Application>Handbook checklists</Application></Properties>";
    var root = XML + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>' +
      '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
      '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>' +
      "</Relationships>";
    return zip([
      { name: "[Content_Types].xml", data: utf8(types.join("")) },
      { name: "_rels/.rels", data: utf8(root) },
      { name: "docProps/core.xml", data: utf8(core) },
      { name: "docProps/app.xml", data: utf8(app) },
      { name: "xl/workbook.xml", data: utf8(book.join("")) },
      { name: "xl/_rels/workbook.xml.rels", data: utf8(rels.join("")) },
      { name: "xl/styles.xml", data: utf8(STYLES) }
    ].concat(files), created);
  }

  window.HandbookXlsx = { workbook: workbook, zip: zip, crc32: crc32 };
})();
