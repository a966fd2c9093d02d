import type { ComplainantTemplates } from './default-templates.ts';

// Issue 21: the mails and letters to a complainant in Turkish (B1: short sentences, everyday words, "siz").
// Same placeholders as the Dutch text; checked by test/messages/template-catalogues.test.ts.

const lines = (...parts: string[]) => parts.join('\n\n');

const GREETING = 'Sayın {{recipientName}},';
const CLOSING = 'Saygılarımızla,\n\n{{handlerName}}\n{{organizationName}}';
const SIGNED = 'Saygılarımızla,\n\n{{organizationName}}';
const REACH_COMMITTEE = 'Komisyona şöyle ulaşırsınız:\n{{committeeContact}}';
const ROUTES = lines(
  'Bu cevaba katılmıyor musunuz? O zaman şikâyetinizi altı hafta içinde {{committeeName}} kurumuna iletebilirsiniz.',
  REACH_COMMITTEE,
  'Şikâyetiniz kiranın miktarı, hizmet giderleri veya bakım eksiklikleri hakkında mı? O zaman Kira Komisyonuna ' +
    '(Huurcommissie, www.huurcommissie.nl) da başvurabilirsiniz.',
);
const RATE =
  'Bu cevabı {{statusLink}} adresinde tekrar okuyabilirsiniz. Orada şikâyetinizle nasıl ilgilendiğimiz hakkında ne düşündüğünüzü de bize söyleyebilirsiniz.';

export const TR: ComplainantTemplates = {
  acknowledgement: {
    subject: 'Şikâyetinizi aldık ({{reference}})',
    body: lines(
      GREETING,
      'Şikâyetinizi {{receivedDate}} tarihinde aldık. Bunu bize bildirdiğiniz için teşekkür ederiz.',
      'Şikâyetinizin dosya numarası {{reference}}. Bizimle iletişime geçtiğinizde bu numarayı söyleyin. ' +
        'Bu mesaja cevap da verebilirsiniz.',
      'Şikâyetinizle {{handlerName}} ilgileniyor. En geç {{dueDate}} tarihinde bizden cevap alacaksınız. ' +
        'Şikâyetinizin ne durumda olduğunu {{statusLink}} adresinden takip edebilirsiniz.',
      CLOSING,
    ),
  },
  answer: {
    subject: 'Şikâyetinize cevabımız ({{reference}})',
    body: lines(GREETING, '{{answerText}}', RATE, ROUTES, CLOSING),
  },
  acknowledgement_without_answer: {
    subject: 'Mesajınızı aldık ({{reference}})',
    body: lines(
      GREETING,
      'Mesajınızı {{receivedDate}} tarihinde aldık. Mesajınızı {{reference}} dosya numarasıyla kaydettik.',
      'Bu konuda size daha önce son cevabımızı verdik. Mesajınızda yeni bilgi yok. ' +
        'Bu yüzden son cevabımız geçerli kalıyor ve size yeni bir cevap vermeyeceğiz.',
      'Son cevabımıza katılmıyor musunuz? O zaman şikâyetinizi {{committeeName}} kurumuna iletebilirsiniz.',
      REACH_COMMITTEE,
      'Yeni bilgileriniz var mı? O zaman bu mesaja cevap verin. Son durumu {{statusLink}} adresinde görebilirsiniz.',
      SIGNED,
    ),
  },
  explanation: {
    subject: 'Şikâyetiniz şikâyet usulünün kapsamı dışında ({{reference}})',
    body: lines(
      GREETING,
      '{{reference}} dosya numaralı bildiriminize baktık. Bunu şikâyet olarak ele alamıyoruz.',
      '{{explanationText}}',
      'Bu karar hakkında sorularınız var mı? O zaman bu mesaja cevap verin.',
      CLOSING,
    ),
  },
  referral: {
    subject: 'Bildiriminizle başka bir yerde ilgileniliyor ({{reference}})',
    body: lines(
      GREETING,
      '{{reference}} dosya numaralı bildiriminiz için teşekkür ederiz. Bu bir şikâyet değil, ' +
        '"{{referralTarget}}" bölümüne ait bir bildirim. Bildiriminizi oraya ilettik.',
      '{{referralDetail}}',
      SIGNED,
    ),
  },
  stand_by_decision: {
    subject: 'Şikâyetinize cevabımız: kararımızın arkasındayız ({{reference}})',
    body: lines(
      GREETING,
      'Bu konuyla ilgili bize tekrar başvurdunuz. Kararımıza katılmadığınızı anlıyoruz. ' +
        'Yeni bilgi olmadığı için önceki kararımız geçerli kalıyor.',
      '{{answerText}}',
      RATE,
      ROUTES,
      CLOSING,
    ),
  },
  last_response: {
    subject: 'Bu konudaki son cevabımız ({{reference}})',
    body: lines(
      GREETING,
      '{{answerText}}',
      'Bu konuya son kez cevap veriyoruz. Bu konuda yeni bilgi içermeyen mesajları kaydederiz, ' +
        'ama artık cevap vermeyiz.',
      RATE,
      ROUTES,
      CLOSING,
    ),
  },
  extension_notice: {
    subject: 'Şikâyetiniz için daha fazla zamana ihtiyacımız var ({{reference}})',
    body: lines(
      GREETING,
      '{{reference}} dosya numaralı şikâyetinizle iyi ilgilenmek için daha fazla zamana ihtiyacımız var.',
      '{{extensionText}}',
      'En geç {{dueDate}} tarihinde bizden cevap alacaksınız.',
      SIGNED,
    ),
  },
  committee_information: {
    subject: 'Bölgesel şikâyet komisyonu ({{reference}})',
    body: lines(
      GREETING,
      '{{reference}} numaralı şikâyetinize verdiğimiz cevaptan memnun olmadığınızı söylediniz. Şikâyetinizi ' +
        '{{committeeName}} kurumuna iletebilirsiniz. Komisyon bağımsızdır ve yönetimimize bir tavsiye verir.',
      REACH_COMMITTEE,
      'Şikâyetiniz kiranın miktarı, hizmet giderleri veya bakım eksiklikleri hakkında mı? O zaman Kira Komisyonuna ' +
        '(Huurcommissie, www.huurcommissie.nl) da başvurabilirsiniz.',
      SIGNED,
    ),
  },
  satisfaction_request: {
    subject: 'Şikâyetinizle nasıl ilgilendik? ({{reference}})',
    body: lines(
      GREETING,
      '{{reference}} numaralı şikâyetinizi sonuçlandırdık. Bunu nasıl yaşadığınızı duymak isteriz. ' +
        'Doldurmak iki dakika sürer: {{statusLink}}',
      SIGNED,
    ),
  },
  progress_in_handling: {
    subject: '{{reference}} numaralı şikâyetinizle ilgileniliyor',
    body: lines(
      GREETING,
      '{{reference}} numaralı şikâyetinizle {{handlerName}} ilgileniyor. En geç {{dueDate}} tarihinde bizden ' +
        'haber alacaksınız. Bunun için genellikle sizi telefonla ararız.',
      'Son durumu burada da görebilirsiniz: {{statusLink}}',
      SIGNED,
    ),
  },
  progress_closed: {
    subject: '{{reference}} numaralı şikâyetiniz kapatıldı',
    body: lines(
      GREETING,
      '{{reference}} numaralı şikâyetinizi kapattık. Bunu bize bildirdiğiniz için teşekkür ederiz.',
      'Şikâyetinizle nasıl ilgilenildiğini {{statusLink}} adresinde tekrar okuyabilirsiniz.',
      SIGNED,
    ),
  },
  progress_committee: {
    subject: '{{reference}} numaralı şikâyetiniz şikâyet komisyonunda',
    body: lines(
      GREETING,
      '{{reference}} numaralı şikâyetinizi şikâyet komisyonuna ilettiniz. Bunu not ettik.',
      'Komisyon sizinle kendisi iletişime geçecek. Komisyonun istediklerini yaparız.',
      'Son durumu burada görebilirsiniz: {{statusLink}}',
      SIGNED,
    ),
  },
  progress_withdrawn: {
    subject: '{{reference}} numaralı şikâyetiniz geri çekildi',
    body: lines(
      GREETING,
      '{{reference}} numaralı şikâyetiniz geri çekildi. Yani bu şikâyetle artık ilgilenmiyoruz.',
      'Bu doğru değil mi? O zaman bu mesaja cevap verin veya bizi arayın.',
      SIGNED,
    ),
  },
  progress_reopened: {
    subject: '{{reference}} numaralı şikâyetinizle tekrar ilgileniyoruz',
    body: lines(
      GREETING,
      '{{reference}} numaralı şikâyetinizle tekrar ilgileniyoruz. Ne yapacağımızı size bildireceğiz.',
      'Son durumu burada görebilirsiniz: {{statusLink}}',
      SIGNED,
    ),
  },
};
