/**
 * The kit's one rupiah format, for fees (`Fee`) and anything else priced: widgets call it rather
 * than building their own `Intl.NumberFormat`, so every amount reads the same in every widget.
 */

/** `Rp 350.000`: Indonesian grouping, no decimals, a no-break space after `Rp` (never wraps mid-amount). */
const RUPIAH = new Intl.NumberFormat('id-ID', { style: 'currency', currency: 'IDR', maximumFractionDigits: 0 });

/** A whole amount of rupiah as the kit shows it in every locale: `formatRupiah(350000)` is `Rp 350.000`. */
export function formatRupiah(amount: number): string {
  return RUPIAH.format(amount);
}
