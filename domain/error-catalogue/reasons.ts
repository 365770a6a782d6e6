// Why one field was refused, in English and Vietnamese: every FieldIssue's `reason` (English, what API clients
// read) and `reasonVi` (what a Vietnamese screen shows) come from here. Throw sites and schemas name a reason;
// domain/zod-reasons.ts turns each zod issue into one.
import { generalReasons, r } from './general-reasons.ts';

/** Reasons that name a thing of the product: codes, ids, places, people. */
const product = {
  communeCode: r('must be a 5-digit commune code', 'phải là mã xã/phường 5 chữ số'),
  provinceCode: r('must be a 2-digit province code', 'phải là mã tỉnh 2 chữ số'),
  areaOrProvince: r(
    'give either areaCode or provinceCode, not both',
    'chỉ ghi areaCode hoặc provinceCode, không ghi cả hai',
  ),
  unknownCommune: (name: string) => r(`unknown commune '${name}'`, `không có xã/phường '${name}'`),
  unknownCommuneCode: (code: string) => r(`unknown commune code '${code}'`, `không có xã/phường mã '${code}'`),
  ambiguousCommune: (name: string) =>
    r(`'${name}' names several communes: use the code`, `'${name}' trùng tên nhiều xã/phường: hãy dùng mã`),
  unknownAgency: r('unknown agency', 'không có cơ quan này'),
  unknownAgencyNamed: (id: string) => r(`unknown agency '${id}'`, `không có cơ quan '${id}'`),
  unknownCategory: r('unknown category', 'không có loại phản ánh này'),
  unknownCategoryNamed: (code: string) => r(`unknown category '${code}'`, `không có loại phản ánh '${code}'`),
  notACategoryCode: r('is not a known category code', 'không phải mã loại phản ánh đã biết'),
  categoryCodeOrStar: r('must be a category code or *', 'phải là mã loại phản ánh hoặc *'),
  unknownUnit: r('unknown unit', 'không có đội này'),
  unknownTrade: r('unknown trade', 'không có chuyên môn này'),
  unknownStatus: r('unknown status', 'không có trạng thái này'),
  requiredForAgencyOfficers: r('is required for agency officers', 'bắt buộc với cán bộ cơ quan'),
  defaultPriorityOnCategory: r(
    'the default priority is set on the category rule, not a priority rule',
    'mức ưu tiên mặc định đặt ở quy tắc của loại phản ánh, không ở quy tắc theo mức ưu tiên',
  ),
  priority1to4: r('must be 1-4', 'phải từ 1 đến 4'),
  year2000to2100: r('must be 2000-2100', 'phải từ năm 2000 đến 2100'),
  unitId: r('must be 2-64 of a-z 0-9 -', 'phải gồm 2-64 ký tự a-z 0-9 -'),
  username: r('must be 3-64 of a-z 0-9 . _ -', 'phải gồm 3-64 ký tự a-z 0-9 . _ -'),
  auditId: r('must be an audit id', 'phải là mã nhật ký'),
  reportId: r('must be a report id', 'phải là mã phản ánh'),
  reportIds: r('must be report ids separated by commas', 'phải là các mã phản ánh cách nhau bởi dấu phẩy'),
  reportIdOrCode: r('must be a report id or a tracking code', 'phải là mã phản ánh hoặc mã theo dõi'),
  atMostIds: (p: { max: number }) => r(`at most ${p.max} ids`, `tối đa ${p.max} mã`),
  requestIds: r('must be request ids separated by commas', 'phải là các mã yêu cầu cách nhau bởi dấu phẩy'),
  openOrClosed: r('must be open, closed, or open,closed', 'phải là open, closed hoặc open,closed'),
  open311Status: r('must be a status such as open or closed', 'phải là một trạng thái như open hoặc closed'),
  photoId: r('is not a photo id', 'không phải mã ảnh'),
  phone: r('must be a phone number of 8 to 20 digits', 'phải là số điện thoại 8 đến 20 chữ số'),
  starRating: r('must be a whole number 1 to 5', 'phải là số nguyên từ 1 đến 5'),
  channelFilter: r(
    'must be web, app, hotline, open311 or open311:<client>',
    'phải là web, app, hotline, open311 hoặc open311:<ứng dụng>',
  ),
  hotlineIsForStaff: r('hotline is for staff taking a call', 'kênh đường dây nóng chỉ dành cho cán bộ nhận cuộc gọi'),
  bboxFormat: r('must be west,south,east,north', 'phải có dạng tây,nam,đông,bắc'),
  bboxOrder: r(
    'west must be < east and south < north, within -90..90',
    'tây phải < đông, nam < bắc, trong khoảng -90..90',
  ),
  timeWindow: r('must be a number of hours or days, e.g. 24h or 7d', 'phải là số giờ hoặc số ngày, ví dụ 24h hoặc 7d'),
  atMostDaysAfter: (p: { days: number; other: string }) =>
    r(`at most ${p.days} days after ${p.other}`, `tối đa ${p.days} ngày sau ${p.other}`),
  questionCode: r('is not a question code', 'không phải mã câu hỏi'),
  answerValue: r('must be a string, a number or a list of strings', 'phải là chuỗi, số hoặc danh sách chuỗi'),
  answersObject: r('must be an object of question code to answer', 'phải là đối tượng mã câu hỏi → câu trả lời'),
  notAQuestionOf: (category: string) =>
    r(`is not a question of category '${category}'`, `không phải câu hỏi của loại '${category}'`),
  singleChoice: (keys: readonly string[]) =>
    r(`must be a single choice: must be one of ${keys.join(', ')}`, `chỉ chọn một: ${keys.join(', ')}`),
  notAChoice: (p: { value: string; keys: readonly string[] }) =>
    r(
      `'${p.value}' is not a choice: must be one of ${p.keys.join(', ')}`,
      `'${p.value}' không phải lựa chọn: ${p.keys.join(', ')}`,
    ),
  objectOfStrings: r('must be an object of strings', 'phải là đối tượng gồm các chuỗi'),
};

/** Reasons of places, maps and alerts. */
const geography = {
  position: r('must be [longitude, latitude]', 'phải là [kinh độ, vĩ độ]'),
  ringTooShort: r('a ring needs at least 4 positions', 'một vòng cần ít nhất 4 điểm'),
  ringNotClosed: r('must be closed (last = first)', 'phải khép kín (điểm cuối = điểm đầu)'),
  polygonType: r("must be 'Polygon'", "phải là 'Polygon'"),
  needsOuterRing: r('needs an outer ring', 'cần một vòng ngoài'),
  atLeastOneCommune: r('name at least one commune', 'cần ít nhất một xã/phường'),
  alertArea: r(
    'is required: {communes: [codes]}, {polygon: GeoJSON Polygon} or {circle: {lat, lng, radiusM}}',
    'bắt buộc: {communes: [mã]}, {polygon: GeoJSON Polygon} hoặc {circle: {lat, lng, radiusM}}',
  ),
  invalidPolygon: r('is not a valid polygon', 'không phải đa giác hợp lệ'),
  areaTooLarge: r(
    'is too large (more than about 5,000 km²): pick communes instead',
    'quá rộng (hơn khoảng 5.000 km²): hãy chọn các xã/phường',
  ),
  noPlaceFound: (text: string) => r(`no place found for '${text}'`, `không tìm thấy địa điểm '${text}'`),
  areaCell: (res: number) => r(`must be an H3 cell of resolution ${res}`, `phải là ô H3 độ phân giải ${res}`),
  coversNoArea: r('covers no area', 'không phủ vùng nào'),
  latLongTogether: r('lat and long go together', 'lat và long phải đi cùng nhau'),
  locationRequired: r(
    'a location is required: lat and long, or address_string',
    'cần vị trí: lat và long, hoặc address_string',
  ),
};

/** Reasons of files, uploads, imports and integrations. */
const files = {
  reportPartTooLarge: (bytes: number) => r(`must be at most ${bytes} bytes`, `tối đa ${bytes} byte`),
  photoTooLarge: (mb: number) => r(`must be at most ${mb} MB`, `tối đa ${mb} MB`),
  unreadableImage: (detail: string) => r(`cannot be read as an image (${detail})`, `không đọc được ảnh (${detail})`),
  notAnImage: r('is not a JPEG, PNG, WebP or HEIC image', 'không phải ảnh JPEG, PNG, WebP hoặc HEIC'),
  imageTypeRefused: (type: string) =>
    r(`type ${type} is not JPEG, PNG, WebP or HEIC`, `kiểu ${type} không phải JPEG, PNG, WebP hoặc HEIC`),
  notAnAcceptedPart: r('is not an accepted part (report, photos)', 'không phải phần được chấp nhận (report, photos)'),
  mustBeJsonPart: r('must be application/json', 'phải là application/json'),
  mustBeValidJson: r('must be valid JSON', 'phải là JSON hợp lệ'),
  reportPartRequired: r('is required (the report as JSON)', 'bắt buộc (phản ánh ở dạng JSON)'),
  atMostPhotos: (n: number) => r(`at most ${n} photos`, `tối đa ${n} ảnh`),
  tooManyParts: r('too many parts', 'quá nhiều phần'),
  unreadableCsv: (detail: string) => r(`is not readable CSV: ${detail}`, `không đọc được CSV: ${detail}`),
  noRows: r('has no rows', 'không có dòng nào'),
  atMostRows: (n: number) => r(`at most ${n} rows per import`, `tối đa ${n} dòng mỗi lần nhập`),
  outageColumnRequired: r(
    'is required (columns: area, start, end, reason)',
    'bắt buộc (các cột: area, start, end, reason)',
  ),
  utility: r("must be 'power' or 'water'", "phải là 'power' hoặc 'water'"),
  atMost7Days: r('at most 7 days', 'tối đa 7 ngày'),
  csvTooLarge: r('at most 200 kB', 'tối đa 200 kB'),
  unreadableFile: (p: { type: string; detail: string }) =>
    r(`cannot be read as ${p.type}: ${p.detail}`, `không đọc được dạng ${p.type}: ${p.detail}`),
  columnNotInFile: (title: string) => r(`column '${title}' is not in the file`, `tệp không có cột '${title}'`),
  mapAddressOrPoint: r('map an address column, or both lat and lng', 'hãy ghép cột địa chỉ, hoặc cả lat và lng'),
  addressOrPointRequired: r('is required (or lat and lng)', 'bắt buộc (hoặc lat và lng)'),
  mappingRequired: r('is required: the name of a saved mapping', 'bắt buộc: tên một cách ghép cột đã lưu'),
  noMappingNamed: (name: string) => r(`no saved mapping named '${name}'`, `không có cách ghép cột tên '${name}'`),
  categoryAndDescriptionMapped: r(
    'category and description must be mapped',
    'phải ghép cột loại phản ánh và cột nội dung',
  ),
  goodRowsImport: r(
    "must be 'import' to write the good rows despite bad ones",
    "phải là 'import' để ghi các dòng đúng dù có dòng sai",
  ),
  clientSlug: r(
    'must be 1-40 lowercase letters, digits or dashes (it names the channel)',
    'phải gồm 1-40 chữ thường, chữ số hoặc dấu gạch ngang (dùng làm tên kênh)',
  ),
  pushEndpointCredentials: r('must not carry a user name or password', 'không được chứa tên đăng nhập hoặc mật khẩu'),
  pushEndpointInternal: r(
    'must not be a private, loopback or link-local address',
    'không được là địa chỉ nội bộ, loopback hoặc link-local',
  ),
  pushEndpointUnknown: r(
    'must be on a known push service (FCM, Mozilla autopush, Apple, Windows WNS)',
    'phải thuộc một dịch vụ push đã biết (FCM, Mozilla autopush, Apple, Windows WNS)',
  ),
};

/** Reasons of the desk's operations on reports, rules and incidents. */
const operations = {
  afterRuleStarts: r('must be after the rule starts', 'phải sau ngày quy tắc bắt đầu'),
  ownIncident: r('is this report or its own incident', 'là chính phản ánh này hoặc vụ việc của nó'),
  atLeastOneReport: r('must name at least one report', 'phải có ít nhất một phản ánh'),
  atMostReports: r('at most 200 reports at once', 'tối đa 200 phản ánh một lần'),
  reportIdList: r('must be a list of report ids', 'phải là danh sách mã phản ánh'),
  codeList: r('must be a list of codes', 'phải là danh sách mã'),
};

export const reasons = { ...generalReasons, ...product, ...geography, ...files, ...operations };

export type ReasonName = keyof typeof reasons;
