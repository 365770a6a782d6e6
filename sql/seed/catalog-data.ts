// The demo catalog: categories as Vietnamese 1022/ThanhHoaS centres receive them, and Thanh Hóa's agencies.

export interface CategorySeed {
  code: string;
  nameVi: string;
  nameEn: string;
  sensitive: boolean;
  color: [number, number, number];
  /** The field trade that acts on it (sql/migrations/0071); none: matched on the agency alone. */
  trade?: string;
  /** 1 urgent .. 4 low; 3 when not given. */
  priority?: number;
}

export const CATEGORIES: CategorySeed[] = [
  {
    code: 'rubbish',
    nameVi: 'Rác thải, vệ sinh môi trường',
    nameEn: 'Rubbish and environment',
    sensitive: false,
    color: [76, 175, 80],
    trade: 'sanitation',
  },
  {
    code: 'road',
    nameVi: 'Hư hỏng đường sá, hạ tầng',
    nameEn: 'Road and infrastructure damage',
    sensitive: false,
    color: [255, 152, 0],
    trade: 'roads',
    priority: 2,
  },
  {
    code: 'encroachment',
    nameVi: 'Lấn chiếm vỉa hè, lòng đường',
    nameEn: 'Pavement and traffic encroachment',
    sensitive: false,
    color: [255, 213, 79],
    trade: 'urban_order',
  },
  {
    code: 'flooding',
    nameVi: 'Ngập úng, thoát nước',
    nameEn: 'Flooding and drainage',
    sensitive: false,
    color: [33, 150, 243],
    trade: 'drainage',
    priority: 1,
  },
  {
    code: 'lighting',
    nameVi: 'Chiếu sáng, điện',
    nameEn: 'Lighting and power',
    sensitive: false,
    color: [255, 235, 150],
    trade: 'power',
  },
  {
    code: 'security',
    nameVi: 'An ninh, trật tự',
    nameEn: 'Security and public order',
    sensitive: true,
    color: [239, 83, 80],
    trade: 'police',
    priority: 1,
  },
  {
    code: 'misconduct',
    nameVi: 'Thái độ, sai phạm của cán bộ',
    nameEn: 'Staff attitude and misconduct',
    sensitive: true,
    color: [171, 71, 188],
    priority: 2,
  },
  {
    code: 'admin_procedure',
    nameVi: 'Thủ tục hành chính',
    nameEn: 'Administrative procedures',
    sensitive: false,
    color: [38, 166, 154],
  },
  { code: 'other', nameVi: 'Khác', nameEn: 'Other', sensitive: false, color: [158, 158, 158] },
];

export interface AgencySeed {
  id: string;
  nameVi: string;
  nameEn: string;
  kind: 'department' | 'police' | 'utility' | 'center';
}

// Since March 2025 transport sits inside the Department of Construction, and environment inside Agriculture and Environment.
export const PROVINCIAL_AGENCIES: AgencySeed[] = [
  {
    id: 'so-xay-dung',
    nameVi: 'Sở Xây dựng (giao thông, xây dựng)',
    nameEn: 'Department of Construction (transport, construction)',
    kind: 'department',
  },
  {
    id: 'so-nong-nghiep-moi-truong',
    nameVi: 'Sở Nông nghiệp và Môi trường',
    nameEn: 'Department of Agriculture and Environment',
    kind: 'department',
  },
  { id: 'cong-an-tinh', nameVi: 'Công an tỉnh Thanh Hóa', nameEn: 'Thanh Hoa Provincial Police', kind: 'police' },
  { id: 'dien-luc', nameVi: 'Công ty Điện lực Thanh Hóa', nameEn: 'Thanh Hoa Power Company', kind: 'utility' },
  { id: 'so-noi-vu', nameVi: 'Sở Nội vụ', nameEn: 'Department of Home Affairs', kind: 'department' },
  {
    id: 'trung-tam-hanh-chinh-cong',
    nameVi: 'Trung tâm Phục vụ hành chính công tỉnh',
    nameEn: 'Provincial Public Administration Service Centre',
    kind: 'center',
  },
];

const TYPE_EN: Record<string, string> = { Phường: 'Ward', Xã: 'Commune', 'Đặc khu': 'Special Zone' };

/** Every commune's People's Committee is an agency: most reports are the commune's to act on. */
export function communeAgency(area: { code: string; fullName: string; nameEn?: string; type?: string }) {
  const typeEn = TYPE_EN[area.type ?? ''] ?? 'Commune';
  return {
    id: `ubnd-${area.code}`,
    nameVi: `UBND ${area.fullName}`,
    nameEn: `People's Committee of ${area.nameEn ?? area.fullName} ${typeEn}`,
  };
}

/** Categories the commune's own People's Committee handles: a commune-level rule each. */
export const COMMUNE_CATEGORIES = ['rubbish', 'encroachment', 'other'];

/** Categories a provincial body handles across the province. */
export const PROVINCIAL_ROUTES: Record<string, string> = {
  road: 'so-xay-dung',
  flooding: 'so-xay-dung',
  lighting: 'dien-luc',
  security: 'cong-an-tinh',
  misconduct: 'so-noi-vu',
  admin_procedure: 'trung-tam-hanh-chinh-cong',
};
