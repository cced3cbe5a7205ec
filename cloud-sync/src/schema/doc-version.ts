// The version of a published document (knowledge article, configuration entry, routing rule). Pure zod.
import { z } from 'zod';

/**
 * Largest version a document may carry: both stores keep it in a 32-bit INTEGER column (PostgreSQL's
 * INTEGER, and the kiosks' replicas), so a larger one is refused as invalid input (400), never left to
 * fail in the database (500).
 */
export const MAX_DOC_VERSION = 2 ** 31 - 1;

export const DocVersionSchema = z.number().int().min(1).max(MAX_DOC_VERSION);
