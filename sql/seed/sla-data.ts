// SLA defaults and the non-working-day calendar, as data. A province edits these (or the tables) to its own rules.
// Holidays follow the Labour Code 2019 art. 112 as amended (Quốc khánh 2 days from 2025); the exact Tết and
// 2/9 days are announced yearly by the Ministry of Home Affairs: check and amend each year.

export type SlaUnit = 'hours' | 'working_days';

export interface CategorySlaSeed {
  category: string;
  response: [number, SlaUnit];
  resolution: [number, SlaUnit];
}

// Response = forwarded to the unit that must act; resolution = the citizen has an answer and the fault is fixed.
export const CATEGORY_SLA: CategorySlaSeed[] = [
  { category: 'rubbish', response: [4, 'hours'], resolution: [2, 'working_days'] },
  { category: 'road', response: [4, 'hours'], resolution: [5, 'working_days'] },
  { category: 'encroachment', response: [4, 'hours'], resolution: [3, 'working_days'] },
  { category: 'flooding', response: [2, 'hours'], resolution: [24, 'hours'] },
  { category: 'lighting', response: [4, 'hours'], resolution: [3, 'working_days'] },
  { category: 'security', response: [1, 'hours'], resolution: [24, 'hours'] },
  { category: 'misconduct', response: [1, 'working_days'], resolution: [10, 'working_days'] },
  { category: 'admin_procedure', response: [1, 'working_days'], resolution: [7, 'working_days'] },
  { category: '*', response: [8, 'hours'], resolution: [7, 'working_days'] },
];

export interface CalendarDaySeed {
  day: string;
  dayOff: boolean;
  nameVi: string;
  nameEn: string;
}

const off = (day: string, nameVi: string, nameEn: string): CalendarDaySeed => ({ day, dayOff: true, nameVi, nameEn });
const range = (from: string, to: string, nameVi: string, nameEn: string): CalendarDaySeed[] => {
  const days: CalendarDaySeed[] = [];
  for (
    let d = new Date(`${from}T00:00:00Z`);
    d <= new Date(`${to}T00:00:00Z`);
    d = new Date(d.getTime() + 86_400_000)
  ) {
    days.push(off(d.toISOString().slice(0, 10), nameVi, nameEn));
  }
  return days;
};

const TET_VI = 'Tết Nguyên đán';
const TET_EN = 'Lunar New Year (Tết)';

export const CALENDAR_DAYS: CalendarDaySeed[] = [
  // 2026
  off('2026-01-01', 'Tết Dương lịch', "New Year's Day"),
  // Tết Bính Ngọ: 27 tháng Chạp to mùng 6 (14/2-22/2/2026), as announced for 2026.
  ...range('2026-02-14', '2026-02-22', `${TET_VI} Bính Ngọ`, TET_EN),
  // Giỗ Tổ Hùng Vương (10/3 âm lịch) falls on Sunday 26/4: Monday 27/4 is given in lieu.
  off('2026-04-26', 'Giỗ Tổ Hùng Vương', 'Hung Kings Commemoration'),
  off('2026-04-27', 'Nghỉ bù Giỗ Tổ Hùng Vương', 'Hung Kings Commemoration (in lieu)'),
  off('2026-04-30', 'Ngày Chiến thắng', 'Reunification Day'),
  off('2026-05-01', 'Quốc tế Lao động', 'International Labour Day'),
  off('2026-09-01', 'Quốc khánh (ngày liền kề)', 'National Day (adjacent day)'),
  off('2026-09-02', 'Quốc khánh', 'National Day'),
  // 2027 (provisional until the yearly announcement)
  off('2027-01-01', 'Tết Dương lịch', "New Year's Day"),
  // Tết Đinh Mùi: mùng 1 is Saturday 6/2/2027; 5 days plus 2 in lieu for the weekend.
  ...range('2027-02-05', '2027-02-11', `${TET_VI} Đinh Mùi`, TET_EN),
  off('2027-04-16', 'Giỗ Tổ Hùng Vương', 'Hung Kings Commemoration'),
  off('2027-04-30', 'Ngày Chiến thắng', 'Reunification Day'),
  off('2027-05-01', 'Quốc tế Lao động', 'International Labour Day'),
  off('2027-05-03', 'Nghỉ bù Quốc tế Lao động', 'International Labour Day (in lieu)'),
  off('2027-09-02', 'Quốc khánh', 'National Day'),
  off('2027-09-03', 'Quốc khánh (ngày liền kề)', 'National Day (adjacent day)'),
];
