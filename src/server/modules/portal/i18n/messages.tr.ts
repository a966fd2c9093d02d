import { PORTAL_MAX_TOTAL_BYTES } from '../../../../domain/index.ts';
import type { PortalMessages } from './messages.ts';

// The portal's Turkish texts (issue 21): plain, everyday Turkish with "siz", short sentences (B1).

export const tr: PortalMessages = {
  locale: 'tr',
  dateLocale: 'tr-TR',
  languageName: 'Türkçe',
  languageSwitchLabel: 'Dil',
  skipLink: 'Doğrudan içeriğe git',
  titleSuffix: 'Şikâyette bulunun',
  errorTitlePrefix: 'Hata: ',
  required: '(zorunlu)',
  optional: '(zorunlu değil)',
  contactLine: (phone: string) => `Biriyle konuşmak mı istiyorsunuz? Bizi arayın: ${phone}.`,
  contactEmailLine: (email: string) => `Ya da ${email} adresine e-posta gönderin.`,
  errorSummaryTitle: 'Bir sorun var',
  errorSummaryIntro: 'Lütfen bu noktaları düzeltin ve formu tekrar gönderin:',
  errorPrefix: 'Hata:',

  formTitle: 'Şikâyette bulunun',
  formIntro: [
    'Bizden ya da bizim için çalışan bir firmadan memnun değil misiniz? Bunu bize söyleyin. Böylece işimizi daha iyi yapabiliriz.',
    '5 iş günü içinde size cevap veririz. Genellikle önce sizi telefonla ararız.',
  ],
  formNoTimeLimit: 'Bu formu acele etmeden doldurabilirsiniz. Süre sınırı yoktur.',
  stepTopic: 'Konu',
  topicLegend: 'Konu nedir?',
  topics: {
    complaint: 'Bir işin nasıl yapıldığından memnun değilim (şikâyet)',
    repair: 'Bir şeyin tamir edilmesi gerekiyor ve bunu henüz bildirmedim',
    nuisance: 'Komşulardan veya çevredeki insanlardan rahatsızım (rahatsızlık)',
    fraud: 'Birinin bir evi yanlış kullandığını düşünüyorum (konut dolandırıcılığı)',
    rent: 'Kira artışıma, kirama veya hizmet giderlerine itiraz ediyorum',
  },
  routeTitle: 'Bunu başka bir yere bildirmeniz daha iyi olur',
  routeAdvice: {
    repair:
      'Daha önce bildirmediğiniz bir tamir henüz şikâyet değildir. Tamiri bildirin. O zaman hemen işe başlarız. Tamir bildirildi ama yapılmadı ya da kötü mü yapıldı? O zaman bu bir şikâyettir.',
    nuisance:
      'Rahatsızlığı bize rahatsızlık bildirimi olarak bildirin. Bildiriminizle ilgilenilmezse ya da kötü ilgilenilirse, bununla ilgili şikâyette bulunabilirsiniz.',
    fraud:
      'Konut dolandırıcılığını bize konut dolandırıcılığı bildirimi olarak bildirin. Bunu isimsiz yapabilirsiniz. Bildiriminizle iyi ilgilenilmezse şikâyette bulunabilirsiniz.',
    rent: 'Şikâyet usulü kira artışı, kira veya hizmet giderleri için değildir. Bunun için itiraz usulü vardır.',
  },
  routeLink: {
    repair: 'Tamir bildirin',
    nuisance: 'Rahatsızlık bildirin',
    fraud: 'Konut dolandırıcılığı bildirin',
    rent: 'İtiraz edin',
  },
  routeCall: 'Bizi arayın:',
  routeNoLink: 'Bunun için bizimle iletişime geçin.',
  routeStillComplaint: 'Yine de bir şikâyet mi? O zaman formu normal şekilde gönderebilirsiniz.',
  routeSubmitAnyway: 'Yine de şikâyette bulun',
  routeBack: 'Forma geri dön',

  whoLegend: 'Siz kimsiniz?',
  onBehalfLegend: 'Şikâyeti kendiniz için mi, yoksa başka biri için mi yapıyorsunuz?',
  onBehalf: { self: 'Kendim için', other: 'Başka biri için, örneğin babam veya annem için' },
  relationLegend: 'Durumunuz nedir?',
  relationLegendOther: 'Şikâyeti adına yaptığınız kişinin durumu nedir?',
  relations: {
    tenant: 'Sizden bir ev kiralıyorum',
    prospective_tenant: 'Bir ev kiralamak istiyorum (ev arıyorum)',
    buyer: 'Bir ev satın aldım veya satın almak istiyorum',
    other: 'Başka bir durum',
  },
  nameLabel: 'Adınız',
  representativeLegend: 'Şikâyeti kimin adına yapıyorsunuz?',
  representativeHint: 'Sadece şikâyeti başka biri için yapıyorsanız doldurun.',
  complainantNameLabel: 'Şikâyeti adına yaptığınız kişinin adı',
  representativeRelationLabel: 'Bu kişinin nesi oluyorsunuz?',
  representativeRelationHint: 'Örneğin: kızı, komşusu, refakatçisi.',
  consentLabel: 'Bu kişi şikâyetten haberdar ve benim şikâyette bulunmamı kabul ediyor.',

  contactLegend: 'Size nasıl ulaşabiliriz?',
  contactHint: 'Bir e-posta adresi veya telefon numarası yazın. Ya da ikisini birden.',
  emailLabel: 'E-posta adresi',
  emailHint: 'O zaman e-posta ile bir onay alırsınız.',
  phoneLabel: 'Telefon numarası',
  preferredLegend: 'Sizinle en çok nasıl iletişim kurmamızı istersiniz?',
  preferred: { phone: 'Telefon', email: 'E-posta', letter: 'Mektup' },

  addressLegend: 'Hangi adresle ilgili?',
  addressHint: 'Bilmiyor musunuz ya da konu bir evle ilgili değil mi? O zaman burayı boş bırakın.',
  postcodeLabel: 'Posta kodu',
  postcodeHint: 'Örneğin: 3155 AB',
  houseNumberLabel: 'Ev numarası',
  additionLabel: 'Ek',
  additionHint: 'Örneğin: A veya 2. kat',

  complaintLegend: 'Şikâyetiniz',
  descriptionLabel: 'Ne yanlış gitti?',
  descriptionHint: 'Kendi kelimelerinizle anlatın. Ne oldu ve ne zaman oldu?',
  desiredOutcomeLabel: 'Ne yapmamızı istiyorsunuz?',
  desiredOutcomeHint: 'Örneğin: bir özür, yeni bir randevu veya bir şeyin tamir edilmesi.',
  filesNote:
    'Fotoğraflarınız veya mektuplarınız var mı? Şikâyetinizde bunlardan bahsedin. O zaman sizden isteriz.',
  filesLabel: 'Fotoğraflar veya belgeler',
  filesHint: (megabytes: number) =>
    `En fazla 5 dosya gönderebilirsiniz: fotoğraf (JPG, PNG veya WebP) veya PDF. Her dosya en fazla ${megabytes} MB olabilir. Fotoğrafın çekildiği yeri fotoğraftan sileriz.`,
  filesChooseAgain:
    'Dosya seçmiş miydiniz? Lütfen yeniden seçin. Dosyaları ancak formu gönderdiğinizde saklarız.',
  fileErrors: {
    too_many: (name: string) =>
      `En fazla 5 dosya gönderebilirsiniz. ${name} ve ondan sonraki dosyalar gönderilmedi.`,
    too_large: (name: string) => `${name} çok büyük. Daha küçük bir dosya seçin.`,
    total_too_large: (name: string) =>
      `Dosyalar birlikte çok büyük (en fazla ${PORTAL_MAX_TOTAL_BYTES / (1024 * 1024)} MB). ${name} artık sığmıyor.`,
    wrong_type: (name: string) =>
      `${name} bir fotoğraf veya PDF değil. Bir fotoğraf (JPG, PNG veya WebP) veya PDF seçin.`,
    empty: (name: string) => `${name} boş. Başka bir dosya seçin.`,
    unreadable: (name: string) => `${name} dosyasını okuyamıyoruz. Başka bir dosya seçin.`,
  },
  honeypotLabel: 'Bu alanı boş bırakın',
  submit: 'Şikâyeti gönder',
  privacyNote:
    'Bilgilerinizi sadece şikâyetinizle ilgilenmek için kullanırız. Bilgilerinizi sadece şikâyetiniz üzerinde çalışan çalışanlar görür.',

  errors: {
    topic: 'Konunun ne olduğunu seçin',
    onBehalf: 'Şikâyeti kendiniz için mi, başka biri için mi yaptığınızı seçin',
    relation: 'Durumunuzu seçin',
    name: 'Adınızı yazın',
    nameTooLong: 'Adınız 200 karakterden uzun olamaz',
    complainantName: 'Şikâyeti adına yaptığınız kişinin adını yazın',
    representativeRelation: 'Bu kişinin nesi olduğunuzu yazın',
    consent: 'Bu kişinin şikâyette bulunmanızı kabul ettiğini işaretleyin',
    contact: 'Bir e-posta adresi veya telefon numarası yazın',
    email: 'Geçerli bir e-posta adresi yazın, örneğin isim@ornek.nl',
    phone: 'Geçerli bir telefon numarası yazın, örneğin 06 12345678',
    preferred: 'Sizinle en çok nasıl iletişim kurmamızı istediğinizi seçin',
    preferredEmailMissing: 'E-postayı seçtiniz: o zaman e-posta adresinizi de yazın',
    preferredPhoneMissing: 'Telefonu seçtiniz: o zaman telefon numaranızı da yazın',
    preferredLetterMissing: 'Mektubu seçtiniz: o zaman posta kodunuzu ve ev numaranızı da yazın',
    postcode: 'Geçerli bir posta kodu yazın, örneğin 3155 AB',
    houseNumber: 'Ev numarasını sadece rakamla yazın, örneğin 12',
    houseNumberMissing: 'Ev numaranızı da yazın',
    postcodeMissing: 'Posta kodunuzu da yazın',
    addition: 'Ek 10 karakterden uzun olamaz',
    description: 'Neyin yanlış gittiğini anlatın',
    descriptionTooLong: 'Şikâyetiniz 20.000 karakterden uzun olamaz',
    desiredOutcomeTooLong: 'Bu cevap 5.000 karakterden uzun olamaz',
    message: 'Mesajınızı yazın',
    messageTooLong: 'Mesajınız 5.000 karakterden uzun olamaz',
    handling: 'Şikâyetle ilgilenme şeklimiz için bir not seçin',
    outcome: 'Çözüm için bir not seçin',
    commentTooLong: 'Açıklamanız 2.000 karakterden uzun olamaz',
  },
  formExpired: 'Formun süresi dolmuştu. Bilgilerinizi kontrol edin ve formu tekrar gönderin.',
  formTooFast: 'Form çok hızlı gönderildi. Bilgilerinizi kontrol edin ve formu tekrar gönderin.',
  alreadySent: (reference: string) =>
    `Şikâyetiniz zaten gönderildi (dosya numarası ${reference}). Başka bir şikâyette bulunmak mı istiyorsunuz? Bilgilerinizi kontrol edin ve formu tekrar gönderin.`,

  thanksTitle: 'Teşekkürler, şikâyetinizi aldık',
  referenceLabel: 'Dosya numaranız',
  thanksDue: (date: string) => `En geç ${date} tarihinde bizden haber alacaksınız.`,
  thanksNext:
    'Bir çalışanımız sizinle iletişime geçecek. Genellikle önce sizi ararız. Birlikte bir çözüm ararız.',
  thanksEmail: 'E-posta ile de bir onay alacaksınız.',
  statusLinkTitle: 'Kişisel bağlantınız',
  statusLinkText:
    'Bu bağlantı ile şikâyetinizin ne durumda olduğunu görürsünüz. Bize bir mesaj da gönderebilirsiniz. Bağlantıyı iyi saklayın ve başkalarıyla paylaşmayın.',
  statusLinkOpen: 'Şikâyetinize bakın',

  statusTitle: 'Şikâyetiniz',
  mergedNotice: (from: string, into: string) =>
    `${from} numaralı şikâyetiniz ${into} numaralı şikâyetle aynı konudaydı. İkisini birleştirdik: aşağıda ${into} numaralı şikâyetin durumunu görüyorsunuz.`,
  statusLabel: 'Son durum',
  statuses: {
    new: 'Şikâyetinizi aldık',
    in_progress: 'Şikâyetiniz üzerinde çalışıyoruz',
    answered: 'Şikâyetinize cevap verdik',
    with_committee: 'Şikâyetiniz bölgesel şikâyet komisyonunda',
    closed: 'Şikâyetiniz sonuçlandı',
    referred: 'Bildiriminiz doğru bölüme iletildi',
    declined_outside_procedure: 'Bildiriminiz şikâyet usulünün kapsamı dışında',
    withdrawn: 'Şikâyetiniz geri çekildi',
    with_board: 'Yönetim şikâyetinizi inceliyor',
    merged: 'Şikâyetiniz, başka bir şikâyetinizle birleştirildi',
  } as Record<string, string>,
  receivedOn: (date: string) => `Alındığı tarih: ${date}`,
  dueOn: (date: string) => `En geç ${date} tarihinde bizden haber alacaksınız.`,
  messagesTitle: 'Mesajlar',
  noMessages: 'Henüz mesaj yok.',
  messageFrom: { us: 'Bizden', you: 'Sizden' },
  eventTitles: {
    answer_sent: 'Şikâyetinize cevabımız',
    explanation_sent: 'Bildiriminizle ilgili açıklama',
    extension_notice_sent: 'Daha fazla zamana ihtiyacımız var',
    referral_recorded: 'Bildiriminiz iletildi',
    complainant_message: 'Mesajınız',
  } as Record<string, string>,
  extendedTo: (date: string) => `Yeni tarih: ${date}.`,
  referrals: {
    repair: 'Bildiriminiz tamir talebi olarak iletildi.',
    nuisance: 'Bildiriminiz rahatsızlık bildirimi olarak iletildi.',
    fraud: 'Bildiriminiz konut dolandırıcılığı bildirimi olarak iletildi.',
    other: 'Bildiriminiz doğru bölüme iletildi.',
  } as Record<string, string>,
  yourComplaintTitle: 'Bize yazdıklarınız',
  addInfoTitle: 'Bir şey ekleyin',
  addInfoHint: 'Söylemek istediğiniz başka bir şey var mı? Buraya yazın. Çalışanımız okuyacak.',
  addInfoLabel: 'Mesajınız',
  addInfoSubmit: 'Mesajı gönder',
  addInfoSent: 'Teşekkürler. Mesajınız şikâyetinize eklendi.',
  filesNotYet:
    'Fotoğraflarınız veya mektuplarınız var mı? Mesajınızda bunlardan bahsedin. O zaman sizden isteriz.',

  satisfactionTitle: 'Ne düşünüyorsunuz?',
  satisfactionIntro:
    'Şikâyetinizle nasıl ilgilendiğimiz hakkında ne düşündüğünüzü bilmek isteriz. 1 ile 5 arasında bir not verin.',
  handlingLegend: 'Şikâyetinizle nasıl ilgilendik?',
  outcomeLegend: 'Çözümden ne kadar memnunsunuz?',
  scale: {
    1: '1 – hiç memnun değilim',
    2: '2 – memnun değilim',
    3: '3 – ne memnunum ne değilim',
    4: '4 – memnunum',
    5: '5 – çok memnunum',
  } as Record<number, string>,
  commentLabel: 'Açıklamak istediğiniz bir şey var mı?',
  satisfactionSubmit: 'Gönder',
  satisfactionThanks: 'Fikriniz için teşekkürler.',
  satisfactionGiven: (handling: number, outcome: number) =>
    `İlgilenme şeklimize ${handling}, çözüme ${outcome} verdiniz.`,
  notSatisfiedTitle: 'Memnun değil misiniz? Şunları yapabilirsiniz',
  notSatisfiedFollowUp: 'Yöneticilerimizden biri şikâyetinize bakacak ve sizinle iletişime geçecek.',
  notSatisfiedRepeat: (reference: string) =>
    `Yeni bilgileriniz veya kanıtınız var mı? O zaman yeni bir şikâyette bulunun ve ${reference} dosya numaranızı yazın. O zaman şikâyetinize tekrar bakarız.`,
  notSatisfiedRepeatLink: 'Yeni bir şikâyette bulunun',
  notSatisfiedCommittee: (name: string) =>
    `${name} kurumuna da başvurabilirsiniz. Bu komisyon bağımsızdır. Şikâyetinizle doğru şekilde ilgilenip ilgilenmediğimize bakar.`,
  committeeDefaultName: 'bölgesel şikâyet komisyonu',
  committeeContactLabel: 'Komisyona şöyle ulaşırsınız:',
  committeeWebsite: 'Komisyonun web sitesi',

  codeTitle: 'Şikâyetinizi bir kod ile takip edin',
  codeIntro:
    'Şikâyetiniz hakkında bizden bir mektup mu aldınız? Mektupta bir kod ve dosya numaranız yazıyor. Bunları aşağıya yazın. O zaman şikâyetinizin ne durumda olduğunu görürsünüz.',
  codeLabel: 'Mektuptaki kod',
  codeHint: 'Örneğin 7KQM-3XHD-P9AV. Büyük harf ve çizgiler fark etmez.',
  codeReferenceLabel: 'Mektuptaki dosya numarası',
  codeReferenceHint: 'Örneğin K-2026-00042.',
  codeSubmit: 'Şikâyetime bak',
  codeMissing: 'Mektuptaki kodu yazın',
  codeReferenceMissing: 'Mektuptaki dosya numarasını yazın',
  codeNotFound:
    'Bu kod ve bu dosya numarası birbirine ait değil ya da kod artık çalışmıyor. Doğru yazıp yazmadığınızı kontrol edin. Olmuyor mu? Bizi arayın ve dosya numaranızı söyleyin.',
  codeEmailNote: 'Bizden bir e-posta mı aldınız? O zaman o e-postadaki bağlantıyı kullanın.',

  invalidLinkTitle: 'Bu bağlantı çalışmıyor',
  invalidLinkText: [
    'Bu bağlantı geçerli değil veya artık geçerli değil. Belki kopyalarken bir karakter eksik kaldı. Ya da şikâyetiniz bir süre önce sonuçlandı.',
    'Şikâyetinizle ilgili sorularınız varsa bizimle iletişime geçin. O zaman dosya numaranızı söyleyin.',
  ],
  newComplaintLink: 'Yeni bir şikâyette bulunun',

  rejectedTitle: 'Bu form gönderilemedi',
  rejectedText: 'Formda bir sorun oldu. Formu tekrar açın ve yeniden deneyin.',
  rateLimitedTitle: 'Biraz bekleyin',
  rateLimitedText:
    'İnternet bağlantınızdan çok sayıda form gönderildi. Bir saat sonra tekrar deneyin ya da bizi arayın.',
  notFoundTitle: 'Bu sayfa yok',
  notFoundText: 'Belki adres yanlış yazıldı. Ana sayfada yolunuzu bulabilirsiniz.',
  frontDoorLink: 'Ana sayfaya git',

  frontDoorTitle: 'Şikâyetler',
  frontDoorIntro: [
    'Bizden ya da bizim için çalışan bir firmadan memnun değil misiniz? Bize söyleyin. Böylece işimizi daha iyi yapabiliriz.',
    '5 iş günü içinde cevap veririz. Şikâyetinizin ne durumda olduğunu size her zaman bildiririz.',
  ],
  frontDoorSubmit: 'Şikâyette bulunun',
  frontDoorSubmitHint: 'Formu doldurun. Bu yaklaşık 5 dakika sürer.',
  frontDoorFollow: 'Şikâyetimi takip et',
  frontDoorFollowHint:
    'Daha önce şikâyette bulundunuz mu? E-postamızdaki bağlantıyı veya mektubumuzdaki kodu kullanın.',
  frontDoorContactTitle: 'İletişim',
  frontDoorContactIntro:
    'Biriyle yüz yüze konuşmak mı istiyorsunuz? Bu da olur. Şikâyetinizi telefonla, mektupla veya danışma masasında da bildirebilirsiniz.',
  frontDoorPhone: 'Telefon',
  frontDoorEmail: 'E-posta',
  frontDoorHours: 'Ulaşılabilir saatler',
  frontDoorWebsite: 'Web sitesi',
  staffSignIn: 'Çalışan girişi',

  descriptions: {
    frontDoor: (name: string) =>
      `${name} hizmetinden memnun değil misiniz? Şikâyetinizi burada yapın veya şikâyetinizin ne durumda olduğunu takip edin.`,
    form: (name: string) => `${name} hakkında şikâyette bulunun. 5 iş günü içinde cevap alırsınız.`,
    code: (name: string) => `${name} ile ilgili şikâyetinizi mektubumuzdaki kod ile takip edin.`,
    other: (name: string) => `${name} şikâyet sayfası.`,
  },
  busyTitle: 'Lütfen biraz bekleyin',
  busyText:
    'Şu anda çok yoğunuz. Birkaç saniye sonra tekrar deneyin. Formu zaten gönderdiniz mi? Rahatça bir kez daha gönderin: şikâyetiniz bize sadece bir kez ulaşır.',
  errorTitle: 'Bir sorun oldu',
  errorText: 'Bizde bir sorun oldu. Daha sonra tekrar deneyin ya da bizi arayın.',

  email: {
    subject: (reference: string) => `Şikâyetinizi aldık (${reference})`,
    greeting: (name: string) => `Sayın ${name},`,
    received: 'Şikâyetiniz için teşekkürler. Şikâyetinizi aldık.',
    reference: (reference: string) => `Dosya numaranız: ${reference}`,
    due: (date: string) => `En geç ${date} tarihinde bizden haber alacaksınız. Genellikle önce sizi ararız.`,
    link: 'Bu kişisel bağlantı ile şikâyetinizin ne durumda olduğunu görürsünüz. Bağlantıyı başkalarıyla paylaşmayın:',
    closing: 'Saygılarımızla,',
  },
};
