import type { TenantLocale } from '../../../../domain/tenant-locales.ts';

// Issue 21: the fixed words on a printed letter (letterhead, the date/reference block, the "follow your
// complaint" box) in each tenant language. Arabic is printed right to left in DejaVu Sans (decision 028,
// update 2026-12-07: letter-script.ts and src/server/modules/messages/letters/rtl-text.ts shape and order it).

export type LetterTexts = {
  department: string;
  returnAddress: (organization: string) => string;
  date: string;
  ourReference: string;
  subject: string;
  page: (page: number, pages: number) => string;
  followTitle: string;
  followScan: string;
  followNoCamera: string;
  followTypeThere: string;
  followCode: string;
  followReference: string;
  followNote: string;
};

export const LETTER_TEXTS: Record<TenantLocale, LetterTexts> = {
  nl: {
    department: 'Klachtenbehandeling',
    returnAddress: (organization) => `Retour: ${organization}`,
    date: 'Datum',
    ourReference: 'Ons kenmerk',
    subject: 'Onderwerp',
    page: (page, pages) => `pagina ${page} van ${pages}`,
    followTitle: 'Uw klacht volgen',
    followScan: 'Scan de QR-code met de camera van uw telefoon.',
    followNoCamera: 'Geen telefoon met camera? Ga dan naar:',
    followTypeThere: 'en vul daar deze gegevens in:',
    followCode: 'Code',
    followReference: 'Kenmerk',
    followNote:
      'Daar ziet u hoe het met uw klacht gaat, kunt u iets toevoegen en later zeggen wat u van de behandeling vond. Deel de code niet met anderen.',
  },
  en: {
    department: 'Complaints',
    returnAddress: (organization) => `Return to: ${organization}`,
    date: 'Date',
    ourReference: 'Our reference',
    subject: 'Subject',
    page: (page, pages) => `page ${page} of ${pages}`,
    followTitle: 'Follow your complaint',
    followScan: 'Scan the QR code with the camera of your phone.',
    followNoCamera: 'No phone with a camera? Then go to:',
    followTypeThere: 'and fill in these details there:',
    followCode: 'Code',
    followReference: 'Reference',
    followNote:
      'There you can see how your complaint is going, add something, and later tell us what you thought of how we handled it. Do not share the code with others.',
  },
  tr: {
    department: 'Şikâyet işlemleri',
    returnAddress: (organization) => `İade adresi: ${organization}`,
    date: 'Tarih',
    ourReference: 'Dosya numarası',
    subject: 'Konu',
    page: (page, pages) => `sayfa ${page} / ${pages}`,
    followTitle: 'Şikâyetinizi takip edin',
    followScan: 'QR kodunu telefonunuzun kamerasıyla tarayın.',
    followNoCamera: 'Kameralı telefonunuz yok mu? O zaman şu adrese gidin:',
    followTypeThere: 've orada şu bilgileri yazın:',
    followCode: 'Kod',
    followReference: 'Dosya numarası',
    followNote:
      'Orada şikâyetinizin ne durumda olduğunu görürsünüz, bir şey ekleyebilirsiniz ve daha sonra şikâyetinizle nasıl ilgilendiğimiz hakkında fikrinizi söyleyebilirsiniz. Kodu başkalarıyla paylaşmayın.',
  },
  ar: {
    department: 'معالجة الشكاوى',
    returnAddress: (organization) => `عنوان الإرجاع: ${organization}`,
    date: 'التاريخ',
    ourReference: 'رقم الملف',
    subject: 'الموضوع',
    page: (page, pages) => `صفحة ${page} من ${pages}`,
    followTitle: 'تابع شكواك',
    followScan: 'امسح رمز QR بكاميرا هاتفك.',
    followNoCamera: 'ليس لديك هاتف بكاميرا؟ اذهب إذن إلى:',
    followTypeThere: 'واكتب هناك هذه البيانات:',
    followCode: 'الرمز',
    followReference: 'رقم الملف',
    followNote:
      'هناك ترى ما وصلت إليه شكواك، ويمكنك إضافة شيء، ولاحقًا تخبرنا برأيك في طريقة معالجة شكواك. لا تشارك الرمز مع الآخرين.',
  },
  pl: {
    department: 'Obsługa skarg',
    returnAddress: (organization) => `Adres zwrotny: ${organization}`,
    date: 'Data',
    ourReference: 'Numer sprawy',
    subject: 'Temat',
    page: (page, pages) => `strona ${page} z ${pages}`,
    followTitle: 'Śledź swoją skargę',
    followScan: 'Zeskanuj kod QR aparatem w telefonie.',
    followNoCamera: 'Nie masz telefonu z aparatem? Wejdź wtedy na stronę:',
    followTypeThere: 'i wpisz tam te dane:',
    followCode: 'Kod',
    followReference: 'Numer sprawy',
    followNote:
      'Tam zobaczysz, co dzieje się z Twoją skargą, możesz coś dodać, a później napisać, co myślisz o tym, jak zajęliśmy się skargą. Nie dawaj kodu innym osobom.',
  },
};
