"""The spreadsheet round trip through the real binary on the real content (tests/sheets).

planpress sheet export writes a workbook per plan; an independent writer (openpyxl, from Debian's
python3-openpyxl) edits it as staff would; planpress sheet import reads it back. Run by ctest as
`sheets_test.py PLANPRESS SOURCE_DIR`.
"""
import csv
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest
import zipfile

import openpyxl

PLANPRESS = os.path.abspath(sys.argv[1])
SOURCE = os.path.abspath(sys.argv[2])
PLANS = sorted(os.listdir(os.path.join(SOURCE, 'content', 'plans')))


def run(*args, cwd, env=None):
    e = dict(os.environ, **(env or {}))
    return subprocess.run([PLANPRESS, *args], cwd=cwd, capture_output=True, text=True, env=e)


def load(path):
    with open(path, encoding='utf-8') as f:
        return json.load(f)


def read_bytes(path):
    with open(path, 'rb') as f:
        return f.read()


def cells_by_key(ws):
    """Column numbers by the hidden key row, row numbers by the hidden key column."""
    columns = {c.value: c.column for c in ws[1] if c.value}
    rows = {ws.cell(r, 1).value: r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value}
    return columns, rows


def sheet_csv(ws, encoding):
    """The sheet as Excel saves it as CSV: every row (hidden ones too), CRLF between rows, LF in cells."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator='\r\n')
    for row in ws.iter_rows(values_only=True):
        w.writerow(['' if v is None else v for v in row])
    text = buf.getvalue()
    if encoding == 'utf-8-sig':
        return text.encode('utf-8-sig')
    return text.encode('cp932', errors='replace')  # Excel writes "?" for what CP932 lacks


class SheetTest(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix='planpress-sheets-')
        shutil.copytree(os.path.join(SOURCE, 'content'), os.path.join(self.dir, 'content'))
        shutil.copytree(os.path.join(SOURCE, 'templates'), os.path.join(self.dir, 'templates'))

    def tearDown(self):
        shutil.rmtree(self.dir)

    def path(self, *parts):
        return os.path.join(self.dir, *parts)

    def export(self, *args):
        r = run('sheet', 'export', *args, cwd=self.dir)
        self.assertEqual(r.returncode, 0, r.stderr)
        return r

    def snapshot(self):
        return {p: read_bytes(self.path('content', 'plans', p, 'plan.json')) for p in PLANS}


class ExportTest(SheetTest):
    def test_layout_of_every_plan(self):
        """Each workbook: 説明, the items under the plan's printed labels with hidden keys, validations for
        every vocabulary, frozen headers, protection and an A4 landscape print setup fitted to the width."""
        self.export()
        for plan_id in PLANS:
            with self.subTest(plan=plan_id):
                plan = load(self.path('content', 'plans', plan_id, 'plan.json'))
                wb = openpyxl.load_workbook(self.path('sheets', plan_id + '.xlsx'))
                self.assertEqual(wb.sheetnames[:2], ['説明', '項目'])
                self.assertEqual(wb.active.title, '項目')
                ws = wb['項目']
                self.assertEqual(ws['A1'].value, 'planpress:items:' + plan_id)
                self.assertTrue(ws.column_dimensions['A'].hidden, 'the key column is hidden')
                self.assertTrue(ws.row_dimensions[1].hidden, 'the key row is hidden')
                self.assertTrue(ws.protection.sheet, 'the sheet is protected (no password)')
                columns, rows = cells_by_key(ws)
                # Every field under its printed label; number and name under the plan's own labels.
                for field in plan['fields']:
                    self.assertEqual(ws.cell(2, columns['field:' + field['key']]).value, field['label'])
                presentation = plan.get('presentation', {})
                self.assertEqual(ws.cell(2, columns['name']).value, presentation.get('name_label', '名称'))
                if 'number' in columns:
                    self.assertEqual(ws.cell(2, columns['number']).value, presentation.get('number_label', '番号'))
                # A row for every item and sub-item, a category row for every category an item is in.
                for item in plan['items']:
                    self.assertIn('item:' + item['id'], rows)
                    self.assertEqual(ws.cell(rows['item:' + item['id']], columns['name']).value, item['name'])
                    for k, _ in enumerate(item.get('sub_items', []), 1):
                        self.assertIn('item:%s/%d' % (item['id'], k), rows)
                    if item.get('category'):
                        self.assertIn('category:' + item['category'], rows)
                # Frozen below the header and right of the name; headers repeated on every printed page.
                name_letter = openpyxl.utils.get_column_letter(columns['name'] + 1)
                self.assertEqual(ws.freeze_panes, name_letter + '3')
                self.assertEqual(ws.print_title_rows, '$1:$2')
                self.assertEqual(ws.page_setup.orientation, 'landscape')
                self.assertEqual(str(ws.page_setup.paperSize), '9')  # A4
                self.assertTrue(ws.sheet_properties.pageSetUpPr.fitToPage)
                self.assertEqual(ws.page_setup.fitToWidth in (None, 1), True)
                self.assertEqual(str(ws.page_setup.fitToHeight), '0')
                # A drop-down list for every status and rating field, listing its vocabulary.
                lists = {dv.sqref.ranges[0].min_col: dv.formula1 for dv in ws.data_validations.dataValidation if dv.type == 'list'}
                choices = wb['選択肢'] if '選択肢' in wb.sheetnames else None
                for field in plan['fields']:
                    if field['kind'] not in ('status', 'rating'):
                        continue
                    column = columns['field:' + field['key']]
                    self.assertIn(column, lists, field['key'])
                    ref = lists[column].split('!')[1].replace('$', '')
                    values = [c.value for row in choices[ref] for c in row]
                    self.assertEqual(values, [v['value'] for v in plan['vocabularies'][field['vocabulary']]['values']])
                if choices is not None:
                    self.assertEqual(choices.sheet_state, 'hidden')
                # Wrapped, unlocked cells to fill in; lists and schedules locked.
                for field in plan['fields']:
                    cell = ws.cell(rows['item:' + plan['items'][0]['id']], columns['field:' + field['key']])
                    self.assertTrue(cell.alignment.wrap_text)
                    self.assertEqual(cell.protection.locked, field['kind'] in ('list', 'schedule'), field['key'])

    def test_indicator_sheet(self):
        self.export('--plan', 'sendai-taio-r6')
        plan = load(self.path('content', 'plans', 'sendai-taio-r6', 'plan.json'))
        ws = openpyxl.load_workbook(self.path('sheets', 'sendai-taio-r6.xlsx'))['指標']
        columns, rows = cells_by_key(ws)
        self.assertEqual(ws['A1'].value, 'planpress:indicators:sendai-taio-r6')
        for ind in plan['indicators']:
            for v in ind['values']:
                key = 'values:%s:%s:%s' % (ind['id'], v.get('segment', ''), v['kind'])
                cell = ws.cell(rows[key], columns['year:%d' % v['year']])
                self.assertEqual(cell.value, v['value'] if v.get('value') is not None else v.get('text'))
        numbers = [dv for dv in ws.data_validations.dataValidation if dv.type == 'decimal']
        self.assertEqual(len(numbers), 1, 'the year columns accept numbers only')

    def test_same_bytes_and_the_date_of_source_date_epoch(self):
        env = {'SOURCE_DATE_EPOCH': '1735689600'}  # 2025-01-01
        first = run('sheet', 'export', '--out', 'a', cwd=self.dir, env=env)
        second = run('sheet', 'export', '--out', 'b', cwd=self.dir, env=env)
        self.assertEqual(first.returncode + second.returncode, 0, first.stderr + second.stderr)
        for plan_id in PLANS:
            self.assertEqual(read_bytes(self.path('a', plan_id + '.xlsx')), read_bytes(self.path('b', plan_id + '.xlsx')))
        core = zipfile.ZipFile(self.path('a', 'sendai-hr-2.xlsx')).read('docProps/core.xml').decode()
        self.assertIn('2025-01-01T00:00:00Z', core)

    def test_department(self):
        """A department's workbook has only the items that name it, and imports back without a warning."""
        self.export('--department', '総務局職員研修所', '--out', 'dept')
        self.assertFalse(os.path.exists(self.path('dept', 'osaki-jinzai-ap.xlsx')), 'a plan without its items is skipped')
        ws = openpyxl.load_workbook(self.path('dept', 'sendai-compliance-r7.xlsx'))['項目']
        columns, rows = cells_by_key(ws)
        items = sorted(k for k in rows if k.startswith('item:'))
        self.assertIn('item:1', items)  # 総務局人事課・職員研修所（各職場）
        self.assertNotIn('item:4', items)  # 総務局コンプライアンス推進担当
        self.assertLess(len(items), 47)
        self.assertEqual(ws['A2'].value, 'department:総務局職員研修所')
        r = run('sheet', 'import', 'dept/sendai-compliance-r7.xlsx', cwd=self.dir)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertNotIn('warning', r.stderr)

    def test_unknown_plan_and_department_are_usage_errors(self):
        r = run('sheet', 'export', '--plan', 'sendai-hr', cwd=self.dir)
        self.assertEqual(r.returncode, 2)
        self.assertIn("sendai-hr-2", r.stderr)
        r = run('sheet', 'export', '--department', '総務局人事', cwd=self.dir)
        self.assertEqual(r.returncode, 2)


class ImportTest(SheetTest):
    def test_round_trip_of_every_plan_changes_nothing(self):
        """Export → import with no edit, through xlsx as written, as openpyxl saves it, and as CSV (UTF-8 with
        BOM, and Shift_JIS as Excel writes it: 发 comes back as ?)."""
        self.export()
        before = self.snapshot()
        files = []
        for plan_id in PLANS:
            source = self.path('sheets', plan_id + '.xlsx')
            files.append(source)
            wb = openpyxl.load_workbook(source)
            wb.save(self.path('sheets', plan_id + '-resaved.xlsx'))
            files.append(self.path('sheets', plan_id + '-resaved.xlsx'))
            for encoding, name in (('utf-8-sig', 'utf8'), ('cp932', 'sjis')):
                path = self.path('sheets', '%s-%s.csv' % (plan_id, name))
                with open(path, 'wb') as f:
                    f.write(sheet_csv(wb['項目'], encoding))
                files.append(path)
        for f in files:
            with self.subTest(file=os.path.basename(f)):
                r = run('sheet', 'import', f, cwd=self.dir)
                self.assertEqual(r.returncode, 0, r.stderr)
                self.assertEqual(r.stdout, '')
                self.assertNotIn('warning', r.stderr)
        self.assertEqual(self.snapshot(), before)

    def edit(self, source, target, changes):
        wb = openpyxl.load_workbook(source)
        ws = wb['項目']
        columns, rows = cells_by_key(ws)
        for (row, column), value in changes.items():
            ws.cell(rows[row], columns[column]).value = value
        wb.save(target)
        return wb

    def test_edit_rejected_at_its_cell_then_imported(self):
        self.export('--plan', 'sendai-compliance-r7')
        plan_path = self.path('content', 'plans', 'sendai-compliance-r7', 'plan.json')
        before_bytes = read_bytes(plan_path)
        before = load(plan_path)
        results = '①テレワーク実施要領を改正した。\n②フレックスタイム制を試行した。'
        changes = {('item:8', 'field:results'): results, ('item:8', 'field:rating'): '☆'}
        # A typo'd vocabulary value: 〇 (U+3007, the kanji zero) for ○.
        self.edit(self.path('sheets', 'sendai-compliance-r7.xlsx'), self.path('bad.xlsx'),
                  {**changes, ('item:9', 'field:rating'): '〇'})
        r = run('sheet', 'import', 'bad.xlsx', cwd=self.dir)
        self.assertEqual(r.returncode, 1, r.stderr)
        wb = openpyxl.load_workbook(self.path('bad.xlsx'))
        columns, rows = cells_by_key(wb['項目'])
        cell = openpyxl.utils.get_column_letter(columns['field:rating']) + str(rows['item:9'])
        self.assertIn('bad.xlsx:項目!%s: error: ' % cell, r.stderr)
        self.assertIn('[unknown-value]', r.stderr)
        self.assertIn('U+3007', r.stderr)
        self.assertEqual(read_bytes(plan_path), before_bytes, 'a sheet with an error changes nothing')
        # Dry run of the corrected sheet: the changes are shown, nothing is written.
        self.edit(self.path('sheets', 'sendai-compliance-r7.xlsx'), self.path('good.xlsx'), changes)
        r = run('sheet', 'import', '--dry-run', 'good.xlsx', cwd=self.dir)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn('柔軟な働き方の推進 › 実績', r.stdout)
        self.assertIn('    + ②フレックスタイム制を試行した。', r.stdout)
        self.assertIn('    - ○\n    + ☆', r.stdout)
        self.assertEqual(read_bytes(plan_path), before_bytes, '--dry-run writes nothing')
        r = run('sheet', 'import', 'good.xlsx', cwd=self.dir)
        self.assertEqual(r.returncode, 0, r.stderr)
        after = load(plan_path)
        # Exactly those two values changed.
        item8 = next(i for i in after['items'] if i['id'] == '8')
        self.assertEqual(item8['fields']['results'], results)
        self.assertEqual(item8['fields']['rating'], '☆')
        expected = json.loads(json.dumps(before))
        old8 = next(i for i in expected['items'] if i['id'] == '8')
        old8['fields']['results'] = results
        old8['fields']['rating'] = '☆'
        self.assertEqual(after, expected)
        r = run('fmt', '--check', cwd=self.dir)
        self.assertEqual(r.returncode, 0, r.stderr)
        # The built site shows them.
        r = run('build', '--no-pdf', '-q', cwd=self.dir)
        self.assertEqual(r.returncode, 0, r.stderr)
        with open(self.path('output', 'plans', 'sendai-compliance-r7', 'items', '8.html'), encoding='utf-8') as f:
            page = f.read()
        self.assertIn('②フレックスタイム制を試行した。', page)
        self.assertIn('☆', page)

    def test_csv_in_cp932_and_utf8_bom_import_identically(self):
        self.export('--plan', 'sendai-compliance-r7')
        plan_path = self.path('content', 'plans', 'sendai-compliance-r7', 'plan.json')
        original = read_bytes(plan_path)
        wb = self.edit(self.path('sheets', 'sendai-compliance-r7.xlsx'), self.path('edited.xlsx'),
                       {('item:12', 'field:results'): '相談窓口を運用し、１２件の相談に対応した。', ('item:12', 'field:rating'): '×'})
        results = {}
        for encoding, name in (('cp932', 'sjis'), ('utf-8-sig', 'utf8')):
            with open(plan_path, 'wb') as f:
                f.write(original)
            path = self.path('edited-%s.csv' % name)
            with open(path, 'wb') as f:
                f.write(sheet_csv(wb['項目'], encoding))
            r = run('sheet', 'import', os.path.basename(path), cwd=self.dir)
            self.assertEqual(r.returncode, 0, r.stderr)
            self.assertIn('edited-%s.csv:J17' % name, r.stdout)  # cells of a CSV file are named without a sheet
            results[name] = read_bytes(plan_path)
        self.assertNotEqual(results['sjis'], original)
        self.assertEqual(results['sjis'], results['utf8'])

    def test_indicator_value_filled_in(self):
        """A 実績 of a new fiscal year typed into the indicator sheet becomes a value in plan.json, written with
        the decimals of the indicator's other values."""
        self.export('--plan', 'sendai-taio-r6')
        plan_path = self.path('content', 'plans', 'sendai-taio-r6', 'plan.json')
        before = load(plan_path)
        wb = openpyxl.load_workbook(self.path('sheets', 'sendai-taio-r6.xlsx'))
        ws = wb['指標']
        columns, rows = cells_by_key(ws)
        ws.cell(1, ws.max_column + 1).value = 'year:2025'  # a column for 令和7年度, as a later export has
        column = ws.max_column
        # A number written as people write one: reported at its cell, with the number it holds.
        ws.cell(rows['values:overtime:all:actual'], column).value = '１８８時間'
        wb.save(self.path('unit.xlsx'))
        r = run('sheet', 'import', 'unit.xlsx', cwd=self.dir)
        self.assertEqual(r.returncode, 1, r.stderr)
        cell = openpyxl.utils.get_column_letter(column) + str(rows['values:overtime:all:actual'])
        self.assertIn('unit.xlsx:指標!%s: error: ' % cell, r.stderr)
        self.assertIn('[wrong-type]', r.stderr)
        self.assertIn('数値だけを 188 と書いてください', r.stderr)  # the unit goes into the indicator's "unit"
        self.assertEqual(load(plan_path), before)
        ws.cell(rows['values:overtime:all:actual'], column).value = 188
        wb.save(self.path('filled.xlsx'))
        r = run('sheet', 'import', 'filled.xlsx', cwd=self.dir)
        self.assertEqual(r.returncode, 0, r.stderr)
        after = load(plan_path)
        values = next(i for i in after['indicators'] if i['id'] == 'overtime')['values']
        new = [v for v in values if v.get('year') == 2025]
        self.assertEqual(new, [{'year': 2025, 'segment': 'all', 'value': 188.0, 'kind': 'actual'}])
        self.assertIn('"value": 188.0', read_bytes(plan_path).decode('utf-8'))
        old = next(i for i in before['indicators'] if i['id'] == 'overtime')['values']
        self.assertEqual([v for v in values if v.get('year') != 2025], old)


if __name__ == '__main__':
    unittest.main(argv=sys.argv[:1], verbosity=2)
