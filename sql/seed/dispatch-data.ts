// Demo staff (one per role) and field units around Thanh Hóa city. Demo only: production refuses to start
// while a demo account is active (main.ts), because these passwords are published in the README.

export const DEMO_PASSWORD = 'hientruong-demo';

export interface DemoStaffSeed {
  username: string;
  displayName: string;
  role: string;
  agencyId: string | null;
  unitId: string | null;
}

export const DEMO_STAFF: DemoStaffSeed[] = [
  { username: 'admin', displayName: 'Quản trị hệ thống', role: 'administrator', agencyId: null, unitId: null },
  { username: 'supervisor', displayName: 'Trưởng ca Lê Văn Giám', role: 'supervisor', agencyId: null, unitId: null },
  {
    username: 'dispatcher',
    displayName: 'Điều phối viên Nguyễn Thị Hà',
    role: 'dispatcher',
    agencyId: null,
    unitId: null,
  },
  {
    username: 'dispatcher2',
    displayName: 'Điều phối viên Phạm Minh Tuấn',
    role: 'dispatcher',
    agencyId: null,
    unitId: null,
  },
  {
    username: 'agency',
    displayName: 'Cán bộ Sở Xây dựng',
    role: 'agency_officer',
    agencyId: 'so-xay-dung',
    unitId: null,
  },
  {
    username: 'field',
    displayName: 'Tổ trưởng Đội đường bộ 01',
    role: 'field_officer',
    agencyId: 'so-xay-dung',
    unitId: 'xd-01',
  },
  { username: 'wall', displayName: 'Màn hình trung tâm', role: 'wall_viewer', agencyId: null, unitId: null },
];

export interface UnitSeed {
  id: string;
  agencyId: string;
  name: string;
  status: string;
  lat: number;
  lng: number;
  trade: string;
}

export const DEMO_UNITS: UnitSeed[] = [
  {
    id: 'xd-01',
    agencyId: 'so-xay-dung',
    name: 'Đội sửa chữa đường bộ 01',
    status: 'available',
    lat: 19.8102,
    lng: 105.7712,
    trade: 'roads',
  },
  {
    id: 'xd-02',
    agencyId: 'so-xay-dung',
    name: 'Đội sửa chữa đường bộ 02',
    status: 'available',
    lat: 19.7712,
    lng: 105.8031,
    trade: 'roads',
  },
  {
    id: 'mt-01',
    agencyId: 'so-nong-nghiep-moi-truong',
    name: 'Đội vệ sinh môi trường 01',
    status: 'available',
    lat: 19.8049,
    lng: 105.7853,
    trade: 'sanitation',
  },
  {
    id: 'dl-01',
    agencyId: 'dien-luc',
    name: 'Đội sửa chữa điện 01',
    status: 'available',
    lat: 19.8203,
    lng: 105.7798,
    trade: 'power',
  },
  {
    id: 'ca-01',
    agencyId: 'cong-an-tinh',
    name: 'Tổ tuần tra 113',
    status: 'available',
    lat: 19.7998,
    lng: 105.7747,
    trade: 'police',
  },
  {
    id: 'ss-01',
    agencyId: 'so-xay-dung',
    name: 'Đội đường bộ Sầm Sơn',
    status: 'available',
    lat: 19.7352,
    lng: 105.9004,
    trade: 'roads',
  },
  {
    id: 'xd-03',
    agencyId: 'so-xay-dung',
    name: 'Đội sửa chữa đường bộ 03',
    status: 'off_duty',
    lat: 19.8076,
    lng: 105.7768,
    trade: 'roads',
  },
];

/** A unit's phone token in the demo: `unit_demo_<id>`. Real units get random tokens from an administrator. */
export const demoUnitToken = (id: string) => `unit_demo_${id}`;
