/**
 * The import-layer lint (tools/eslint/layers.js): a module under src imports only from its own layer or
 * a lower one; siblings (checks and analysis, the two workbook adapters, the front doors) not each other.
 */
import * as fs from 'fs';
import * as path from 'path';
import { RuleTester } from 'eslint';
import tseslint from 'typescript-eslint';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const layers = require('../../tools/eslint/layers') as {
  LAYER_ORDER: readonly (readonly string[])[];
  layerOf: (relative: string) => string | undefined;
  plugin: { rules: { imports: import('eslint').Rule.RuleModule } };
};

const SRC = path.join(process.cwd(), 'src');
const inSrc = (file: string): string => path.join(SRC, file);

const tester = new RuleTester({ languageOptions: { parser: tseslint.parser, ecmaVersion: 2022, sourceType: 'module' } });

tester.run('layers/imports', layers.plugin.rules.imports, {
  valid: [
    { filename: inSrc('analysis/lines.ts'), code: "import { findTables } from '../budget/tables';" },
    { filename: inSrc('analysis/rollup.ts'), code: "import { extractLines } from './lines';" },
    { filename: inSrc('checks/rules/variance.ts'), code: "import type { CheckContext } from '../context';\nimport { toA1 } from '../../sheet/a1';" },
    { filename: inSrc('reports/index.ts'), code: "export type { CheckResult } from '../checks/runner';\nimport { rollupWorkbook } from '../analysis/rollup';" },
    { filename: inSrc('workbook/office/layout.ts'), code: "import { planSheet } from '../layout/plan';" },
    { filename: inSrc('workbook/xlsx/write.ts'), code: "import { planSheet } from '../layout/plan';\nimport ExcelJS from 'exceljs';" },
    { filename: inSrc('app/report.ts'), code: "const { readXlsx } = await import('../workbook/xlsx/read');" },
    { filename: inSrc('cli/main.ts'), code: "import { run } from '../app/run';\nimport * as fs from 'fs';" },
    { filename: inSrc('samples/sample-workbook.ts'), code: "import type { SourceNote } from '../model/types';" },
    // A directory's index belongs to that directory's layer.
    { filename: inSrc('app/report.ts'), code: "import { buildReportSheets } from '../reports';" },
    // Outside src the rule has nothing to say: tests may import anything.
    { filename: path.join(process.cwd(), 'test/analysis/lines.test.ts'), code: "import { checkWorkbook } from '../../src/checks/runner';" },
  ],
  invalid: [
    {
      filename: inSrc('analysis/lines.ts'),
      code: "import { findTables } from '../checks/runner';",
      errors: [{ message: 'src/analysis may not import src/checks: checks and analysis are siblings' }],
    },
    {
      // Type-only imports count: a layer should not know a higher one's types.
      filename: inSrc('checks/rules/variance.ts'),
      code: "import type { Rag } from '../../analysis/types';",
      errors: [{ message: 'src/checks may not import src/analysis: analysis and checks are siblings' }],
    },
    {
      filename: inSrc('money/units.ts'),
      code: "import type { UnitId } from '../model/types';",
      errors: [{ message: 'src/money may not import src/model: model is above money in the layer order' }],
    },
    {
      filename: inSrc('workbook/office/write.ts'),
      code: "import { RAG_LOOKS } from '../xlsx/write-styles';",
      errors: [{ message: 'src/workbook/office may not import src/workbook/xlsx: workbook/xlsx and workbook/office are siblings' }],
    },
    {
      filename: inSrc('workbook/layout/cells.ts'),
      code: "export { markSheet } from '../xlsx/write-marker';",
      errors: [{ message: 'src/workbook/layout may not import src/workbook/xlsx: workbook/xlsx is above workbook/layout in the layer order' }],
    },
    {
      filename: inSrc('commands/commands.ts'),
      code: "export * from '../taskpane/settings';",
      errors: [{ message: 'src/commands may not import src/taskpane: taskpane and commands are siblings' }],
    },
    {
      filename: inSrc('sheet/grid.ts'),
      code: "const later = () => import('../reports/spec');\ntype Spec = typeof import('../reports/spec');\nconst old = require('../app/run');\nimport x = require('../cli/main');",
      errors: [
        { message: 'src/sheet may not import src/reports: reports is above sheet in the layer order' },
        { message: 'src/sheet may not import src/reports: reports is above sheet in the layer order' },
        { message: 'src/sheet may not import src/app: app is above sheet in the layer order' },
        { message: 'src/sheet may not import src/cli: cli is above sheet in the layer order' },
      ],
    },
    {
      filename: inSrc('extras/helper.ts'),
      code: "import { toA1 } from '../sheet/a1';",
      errors: [{ message: 'src/extras/helper.ts is in no layer: add its directory to the layer order in tools/eslint/layers.js' }],
    },
    {
      filename: inSrc('model/types.ts'),
      code: "import { x } from '../extras/helper';",
      errors: [{ message: 'src/model imports src/extras/helper, which is in no layer: add its directory to the layer order in tools/eslint/layers.js' }],
    },
  ],
});

describe('the layer order', () => {
  test('places every directory under src in exactly one layer', () => {
    const directories = fs
      .readdirSync(SRC, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .flatMap((entry) => (entry.name === 'workbook' ? fs.readdirSync(path.join(SRC, 'workbook')).map((name) => `workbook/${name}`) : [entry.name]));
    expect(directories.filter((dir) => layers.layerOf(`${dir}/index.ts`) === undefined)).toEqual([]);
    const all = layers.LAYER_ORDER.flat();
    expect(new Set(all).size).toBe(all.length);
  });

  test('reads a longer layer before a shorter one it starts with', () => {
    expect(layers.layerOf('workbook/layout/plan.ts')).toBe('workbook/layout');
    expect(layers.layerOf('workbook/port.ts')).toBeUndefined();
    expect(layers.layerOf('checks')).toBe('checks');
    expect(layers.layerOf('checksum/x.ts')).toBeUndefined();
  });
});
