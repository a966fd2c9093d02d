/** Issue 26: the satisfaction figures on the MT dashboard (decision 050). */
export const satisfactionFiguresNl = {
  title: (period: string) => `Tevredenheid van klagers, ${period}`,
  intro: (minimum: number) =>
    `Uit de tevredenheidsformulieren van de klachten die in de periode zijn beantwoord. Naast elke score staat het aantal antwoorden; onder ${minimum} antwoorden tonen we geen score.`,
  reportLink: 'Alle tevredenheidscijfers in de rapportage',
};
export type SatisfactionFiguresMessages = typeof satisfactionFiguresNl;
