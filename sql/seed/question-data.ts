// Demo questions per seeded category: short, answerable on a phone in a few taps. None is required, so
// clients that send no answers (curl, Open311 apps, the load benches) keep working; a province may require its own.

export interface QuestionSeed {
  category: string;
  code: string;
  datatype: 'string' | 'number' | 'datetime' | 'text' | 'singlevaluelist' | 'multivaluelist';
  required: boolean;
  labelVi: string;
  labelEn: string;
  hintVi?: string;
  hintEn?: string;
  values?: { key: string; name: string; nameEn: string }[];
  min?: number;
  max?: number;
  unit?: string;
}

const yesNo = [
  { key: 'yes', name: 'Có', nameEn: 'Yes' },
  { key: 'no', name: 'Không', nameEn: 'No' },
];

export const QUESTIONS: QuestionSeed[] = [
  {
    category: 'flooding',
    code: 'water_depth',
    datatype: 'number',
    required: false,
    labelVi: 'Nước ngập sâu khoảng bao nhiêu?',
    labelEn: 'About how deep is the water?',
    hintVi: 'Ước lượng: mắt cá chân ≈ 10 cm, đầu gối ≈ 50 cm',
    hintEn: 'Estimate: ankle ≈ 10 cm, knee ≈ 50 cm',
    min: 0,
    max: 300,
    unit: 'cm',
  },
  {
    category: 'flooding',
    code: 'passable',
    datatype: 'singlevaluelist',
    required: false,
    labelVi: 'Xe máy còn đi qua được không?',
    labelEn: 'Can motorbikes still get through?',
    values: yesNo,
  },
  {
    category: 'road',
    code: 'lane_blocked',
    datatype: 'singlevaluelist',
    required: false,
    labelVi: 'Có chắn làn đường không?',
    labelEn: 'Is a lane blocked?',
    values: yesNo,
  },
  {
    category: 'road',
    code: 'damage_kind',
    datatype: 'multivaluelist',
    required: false,
    labelVi: 'Loại hư hỏng',
    labelEn: 'Kind of damage',
    values: [
      { key: 'pothole', name: 'Ổ gà', nameEn: 'Pothole' },
      { key: 'subsidence', name: 'Sụt lún', nameEn: 'Subsidence' },
      { key: 'manhole', name: 'Hố ga, nắp cống', nameEn: 'Manhole or drain cover' },
      { key: 'signs', name: 'Biển báo, đèn tín hiệu', nameEn: 'Signs or traffic lights' },
    ],
  },
  {
    category: 'rubbish',
    code: 'volume',
    datatype: 'singlevaluelist',
    required: false,
    labelVi: 'Lượng rác khoảng bao nhiêu?',
    labelEn: 'About how much rubbish?',
    values: [
      { key: 'bags', name: 'Vài túi', nameEn: 'A few bags' },
      { key: 'cart', name: 'Khoảng một xe đẩy', nameEn: 'About a handcart' },
      { key: 'truck', name: 'Cả xe tải', nameEn: 'A truckload or more' },
    ],
  },
  {
    category: 'lighting',
    code: 'lamps_out',
    datatype: 'number',
    required: false,
    labelVi: 'Bao nhiêu bóng đèn bị hỏng?',
    labelEn: 'How many lamps are out?',
    min: 1,
    max: 100,
    unit: 'bóng / lamps',
  },
  {
    category: 'lighting',
    code: 'pole_number',
    datatype: 'string',
    required: false,
    labelVi: 'Số hiệu cột điện (nếu thấy)',
    labelEn: 'Pole number (if visible)',
  },
  {
    category: 'encroachment',
    code: 'kind',
    datatype: 'singlevaluelist',
    required: false,
    labelVi: 'Lấn chiếm bằng gì?',
    labelEn: 'What is encroaching?',
    values: [
      { key: 'stall', name: 'Hàng quán', nameEn: 'Stall or shop goods' },
      { key: 'parking', name: 'Xe đỗ', nameEn: 'Parked vehicles' },
      { key: 'building', name: 'Công trình xây dựng', nameEn: 'Construction' },
    ],
  },
  {
    category: 'security',
    code: 'happened_at',
    datatype: 'datetime',
    required: false,
    labelVi: 'Sự việc xảy ra lúc nào?',
    labelEn: 'When did it happen?',
  },
];
