import type { LocalizedText } from '../../shared/domain/types';

export type ReasonKind = 'win' | 'loss' | 'rejection' | 'recycle';

export interface SampleReason {
  readonly kind: ReasonKind;
  readonly code: string;
  readonly labels: LocalizedText & Readonly<Record<'pt-BR' | 'es' | 'ru' | 'zh-CN', string>>;
  /** What reps type into the CRM's free-text field, by the language they work in. */
  readonly texts: Readonly<Record<'en' | 'pt' | 'es', readonly string[]>>;
}

/** The agreed reason taxonomy (DESIGN.md "Reason"), with CRM-style free text beside each code. */
export const REASONS: readonly SampleReason[] = [
  {
    kind: 'loss',
    code: 'price',
    labels: { en: 'Price', 'pt-BR': 'Preço', es: 'Precio', ru: 'Цена', 'zh-CN': '价格' },
    texts: {
      en: ['Too expensive', 'Price above their budget line', 'Lost on price'],
      pt: ['Achou caro', 'Preço acima do orçamento'],
      es: ['Muy caro', 'Precio fuera de presupuesto'],
    },
  },
  {
    kind: 'loss',
    code: 'competitor',
    labels: {
      en: 'Chose a competitor',
      'pt-BR': 'Escolheu um concorrente',
      es: 'Eligió a un competidor',
      ru: 'Выбрал конкурента',
      'zh-CN': '选择了竞争对手',
    },
    texts: {
      en: ['Went with a competitor', 'Signed with the incumbent vendor'],
      pt: ['Fechou com concorrente', 'Ficou com o fornecedor atual'],
      es: ['Se fue con la competencia', 'Firmó con otro proveedor'],
    },
  },
  {
    kind: 'loss',
    code: 'no_budget',
    labels: {
      en: 'No budget',
      'pt-BR': 'Sem orçamento',
      es: 'Sin presupuesto',
      ru: 'Нет бюджета',
      'zh-CN': '没有预算',
    },
    texts: {
      en: ['No budget this year', 'Budget frozen'],
      pt: ['Sem verba', 'Orçamento congelado'],
      es: ['Sin presupuesto', 'Presupuesto congelado'],
    },
  },
  {
    kind: 'loss',
    code: 'no_decision',
    labels: {
      en: 'No decision',
      'pt-BR': 'Sem decisão',
      es: 'Sin decisión',
      ru: 'Решение не принято',
      'zh-CN': '未做决定',
    },
    texts: {
      en: ['Went dark', 'No decision, project parked'],
      pt: ['Sumiu', 'Projeto parado, sem decisão'],
      es: ['Dejó de responder', 'Proyecto en pausa'],
    },
  },
  {
    kind: 'loss',
    code: 'timing',
    labels: {
      en: 'Bad timing',
      'pt-BR': 'Momento errado',
      es: 'Mal momento',
      ru: 'Неподходящее время',
      'zh-CN': '时机不对',
    },
    texts: {
      en: ['Not now, maybe next quarter', 'Reorg in progress'],
      pt: ['Não é o momento', 'Reestruturação interna'],
      es: ['No es el momento', 'Reorganización interna'],
    },
  },
  {
    kind: 'loss',
    code: 'missing_feature',
    labels: {
      en: 'Missing feature',
      'pt-BR': 'Falta de funcionalidade',
      es: 'Falta una funcionalidad',
      ru: 'Нет нужной функции',
      'zh-CN': '缺少功能',
    },
    texts: {
      en: ['Needs SSO with their IdP', 'No native SAP connector'],
      pt: ['Precisa de integração com SAP', 'Faltou relatório customizado'],
      es: ['Necesita integración con SAP', 'Falta API de exportación'],
    },
  },
  {
    kind: 'rejection',
    code: 'not_icp',
    labels: {
      en: 'Not our ideal customer',
      'pt-BR': 'Fora do perfil ideal',
      es: 'Fuera del perfil ideal',
      ru: 'Не наш целевой клиент',
      'zh-CN': '不符合理想客户画像',
    },
    texts: {
      en: ['Too small for us', 'Not a fit'],
      pt: ['Empresa muito pequena', 'Fora do ICP'],
      es: ['Empresa muy pequeña', 'No encaja'],
    },
  },
  {
    kind: 'rejection',
    code: 'bad_contact',
    labels: {
      en: 'Bad contact data',
      'pt-BR': 'Contato inválido',
      es: 'Contacto inválido',
      ru: 'Неверные контактные данные',
      'zh-CN': '联系方式无效',
    },
    texts: {
      en: ['Wrong phone number', 'Email bounced'],
      pt: ['Telefone não existe', 'E-mail voltou'],
      es: ['Teléfono equivocado', 'El correo rebotó'],
    },
  },
  {
    kind: 'rejection',
    code: 'student',
    labels: {
      en: 'Student or researcher',
      'pt-BR': 'Estudante ou pesquisador',
      es: 'Estudiante o investigador',
      ru: 'Студент или исследователь',
      'zh-CN': '学生或研究人员',
    },
    texts: {
      en: ['Student, downloaded the ebook'],
      pt: ['Estudante, só queria o ebook'],
      es: ['Estudiante, solo quería el ebook'],
    },
  },
  {
    kind: 'rejection',
    code: 'duplicate',
    labels: { en: 'Duplicate', 'pt-BR': 'Duplicado', es: 'Duplicado', ru: 'Дубликат', 'zh-CN': '重复线索' },
    texts: { en: ['Duplicate of an open lead'], pt: ['Lead duplicado'], es: ['Lead duplicado'] },
  },
  {
    kind: 'recycle',
    code: 'not_ready',
    labels: {
      en: 'Not ready to buy',
      'pt-BR': 'Ainda não está pronto',
      es: 'Aún no está listo',
      ru: 'Ещё не готов к покупке',
      'zh-CN': '尚未准备购买',
    },
    texts: {
      en: ['Only researching', 'Back to nurture'],
      pt: ['Só pesquisando', 'Voltar para nutrição'],
      es: ['Solo está investigando', 'Devolver a nurturing'],
    },
  },
  {
    kind: 'recycle',
    code: 'timing_later',
    labels: {
      en: 'Call back later',
      'pt-BR': 'Retomar depois',
      es: 'Retomar más adelante',
      ru: 'Вернуться позже',
      'zh-CN': '稍后再联系',
    },
    texts: {
      en: ['Call back next quarter', 'Contract with current vendor ends in 6 months'],
      pt: ['Retomar no próximo trimestre', 'Contrato atual vence em 6 meses'],
      es: ['Llamar el próximo trimestre', 'Su contrato actual vence en 6 meses'],
    },
  },
  {
    kind: 'win',
    code: 'best_fit',
    labels: {
      en: 'Best product fit',
      'pt-BR': 'Melhor aderência do produto',
      es: 'Mejor ajuste del producto',
      ru: 'Лучше всего подходит продукт',
      'zh-CN': '产品最契合',
    },
    texts: { en: ['Best fit for their use case'], pt: ['Produto atende melhor'], es: ['El producto encaja mejor'] },
  },
  {
    kind: 'win',
    code: 'relationship',
    labels: {
      en: 'Relationship',
      'pt-BR': 'Relacionamento',
      es: 'Relación',
      ru: 'Отношения с клиентом',
      'zh-CN': '客户关系',
    },
    texts: {
      en: ['Champion pushed it through'],
      pt: ['Relacionamento com o sponsor'],
      es: ['Buena relación con el sponsor'],
    },
  },
  {
    kind: 'win',
    code: 'price_value',
    labels: {
      en: 'Price/value',
      'pt-BR': 'Custo-benefício',
      es: 'Relación precio/valor',
      ru: 'Соотношение цены и ценности',
      'zh-CN': '性价比',
    },
    texts: {
      en: ['Better value than alternatives'],
      pt: ['Melhor custo-benefício'],
      es: ['Mejor relación precio/valor'],
    },
  },
];

export function reasonsOfKind(kind: ReasonKind): readonly SampleReason[] {
  return REASONS.filter((r) => r.kind === kind);
}

export function reasonByCode(code: string): SampleReason {
  const reason = REASONS.find((r) => r.code === code);
  if (!reason) throw new Error(`unknown sample reason ${code}`);
  return reason;
}
