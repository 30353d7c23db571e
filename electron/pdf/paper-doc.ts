/** One entry point: the document definition of any paper, and its PDF bytes. */
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { demandLetterDoc } from './demand-letter-doc';
import { iouDoc } from './iou-doc';
import { priceConfirmationDoc } from './price-confirmation-doc';
import { renderPdf, type RenderResult } from './render';
import { statementDoc } from './statement-doc';
import type { PaperData, PaperImages } from './types';

export function paperDoc(p: PaperData, images: PaperImages): TDocumentDefinitions {
  switch (p.kind) {
    case 'statement':
      return statementDoc(p, images);
    case 'iou':
      return iouDoc(p, images);
    case 'price_confirmation':
      return priceConfirmationDoc(p, images);
    case 'demand_letter':
      return demandLetterDoc(p, images);
  }
}

/** The same data and images always give the same bytes (the creation date is the issue time). */
export function renderPaper(p: PaperData, images: PaperImages = {}): Promise<RenderResult> {
  return renderPdf(paperDoc(p, images), new Date(p.issuedAt));
}
