// Category questions over HTTP: published on /categories, answers checked and stored with the report.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CategoryDTO, ErrorDTO, StaffReportDTO } from '../../presenters/dto.ts';
import { sampleReport, startDispatchApp, type DispatchApp } from '../../test-support/dispatch-app.ts';

describe('category questions and answers', () => {
  let app: DispatchApp;
  beforeAll(async () => {
    app = await startDispatchApp();
  });
  afterAll(async () => app?.close());

  it('lists each category with its questions in order', async () => {
    const body = (await app.anonymous.get('/api/v1/categories')).body as { categories: CategoryDTO[] };
    const flooding = body.categories.find((c) => c.code === 'flooding')!;
    expect(flooding.questions.map((q) => q.code)).toEqual(['water_depth', 'passable']);
    expect(flooding.questions[0]).toMatchObject({
      datatype: 'number',
      required: false,
      min: 0,
      max: 300,
      unit: 'cm',
    });
    expect(flooding.questions[0].label).toContain('ngập');
    expect(flooding.questions[0].labelEn).toContain('deep');
    expect(flooding.questions[1].values?.map((v) => v.key)).toEqual(['yes', 'no']);
    expect(body.categories.find((c) => c.code === 'other')?.questions).toEqual([]);
  });

  it('stores the normalised answers with the report; staff see them', async () => {
    const id = await app.createReport({ category: 'flooding', answers: { water_depth: '45', passable: 'no' } });
    const dispatcher = await app.login('dispatcher');
    const staff = (await dispatcher.get(`/api/v1/reports/${id}`)).body as StaffReportDTO;
    expect(staff.answers).toEqual({ water_depth: 45, passable: 'no' });
    const pub = (await app.anonymous.get(`/api/v1/reports/${id}`)).body as Partial<StaffReportDTO>;
    expect(pub.answers).toBeUndefined();
  });

  it('refuses bad answers naming each one, and writes nothing', async () => {
    const { rows: before } = await app.db.query<{ n: number }>('SELECT count(*)::int n FROM reports');
    const res = await app.anonymous.post('/api/v1/reports', {
      ...sampleReport,
      category: 'flooding',
      answers: { water_depth: 900, passable: 'perhaps', colour: 'brown' },
    });
    expect(res.status).toBe(422);
    expect((res.body as ErrorDTO).error.fields).toEqual(
      expect.arrayContaining([
        {
          field: 'answers.colour',
          reason: "is not a question of category 'flooding'",
          reasonVi: "không phải câu hỏi của loại 'flooding'",
        },
        { field: 'answers.water_depth', reason: 'must be <= 300', reasonVi: 'phải ≤ 300' },
        {
          field: 'answers.passable',
          reason: "'perhaps' is not a choice: must be one of yes, no",
          reasonVi: "'perhaps' không phải lựa chọn: yes, no",
        },
      ]),
    );
    const shape = await app.anonymous.post('/api/v1/reports', { ...sampleReport, answers: { lane_blocked: {} } });
    expect(shape.status).toBe(422);
    expect((shape.body as ErrorDTO).error.fields?.[0].field).toBe('answers.lane_blocked');
    const { rows: after } = await app.db.query<{ n: number }>('SELECT count(*)::int n FROM reports');
    expect(after[0].n).toBe(before[0].n);
  });
});
