// The shape of `<mpp-service-catalog>`'s texts, apart from the texts themselves: the Indonesian
// catalogue (`messages.ts`) and the English chunk (`messages.en.ts`) both implement it.
import type { ProblemMessages } from '../shared/problems.js';

/** Every string `<mpp-service-catalog>` shows, per locale. */
export interface CatalogMessages {
  title: string;
  searchLabel: string;
  searchPlaceholder: string;
  agencyLabel: string;
  allAgencies: string;
  loading: string;
  results(n: number, query: string): string;
  /** Server search: `n` shown so far and more on the server. */
  resultsMore(n: number, query: string): string;
  /** Asks the server for the next page of matches. */
  showMoreServer: string;
  /** While an opened service's full record loads. */
  loadingDetail: string;
  noResults(query: string): string;
  didYouMean: string;
  popular: string;
  showAll: string;
  /** Heading of the first view's most used services. */
  mostUsed: string;
  /** Heading of the first view's services grouped by agency. */
  byAgency: string;
  /** The count beside an agency's name. */
  agencyCount(n: number): string;
  /** Shows the next page of a list; `n` are still hidden. */
  showMore(n: number): string;
  /** More matches than the list keeps. */
  truncated(n: number): string;
  /** `name` (what the citizen asked for) is served by another office. */
  elsewhere(name: string): string;
  elsewhereGo(office: string): string;
  elsewhereAlso: string;
  officialSite: string;
  retry: string;
  stale: string;
  back: string;
  /** Heading of the conditions to meet (`Sudah berusia 17 tahun`), shown apart from what to bring. */
  conditions: string;
  requirements: string;
  requirementsHint: string;
  steps: string;
  duration: string;
  fee: string;
  free: string;
  /** A fee set by a regulation or computed at the counter. */
  regulated: string;
  /** A regulated fee with a part known in advance (`Rp 50.000`, already formatted). */
  regulatedFrom(amount: string): string;
  location: string;
  product: string;
  legalBasis: string;
  complaints: string;
  book: string;
  noOnlineQueue: string;
  demo: string;
  checked(n: number, total: number): string;
  /** Every API problem and client failure in plain words (shared by all widgets). */
  problems: ProblemMessages;
}
