//! Owns the static reference data the generators draw from: the product catalogue, Colombian
//! cities and departments, buyer names, notes and adjustment descriptions. Text is UTF-8 and
//! deliberately includes accents, commas and quotes so importers meet them in tests.

/// A product: (name, SKU, unit price in whole pesos, compare-at price or 0).
pub(crate) struct Product {
    pub name: &'static str,
    pub sku: &'static str,
    pub price: i64,
    pub compare_at: i64,
}

const fn p(name: &'static str, sku: &'static str, price: i64, compare_at: i64) -> Product {
    Product {
        name,
        sku,
        price,
        compare_at,
    }
}

/// The catalogue. Its length is prime so `first + k * step` picks distinct products.
/// Every price is at least 25.900 so any order stays above Efecty's 20.000 minimum after a
/// 10% discount, and at most 2.499.000 so single-item orders stay under the 3.000.000 cap.
pub(crate) const PRODUCTS: [Product; 23] = [
    p("Camiseta básica - M", "CAM-BAS-M", 39_900, 0),
    p("Camiseta básica - L", "CAM-BAS-L", 39_900, 0),
    p("Jean clásico - 32", "JEA-CLA-32", 129_900, 159_900),
    p("Tenis urbanos - 40", "TEN-URB-40", 219_900, 0),
    p("Gorra bordada", "GOR-BOR-01", 45_000, 0),
    p("Morral escolar", "MOR-ESC-01", 89_900, 119_900),
    p("Set de ollas, 5 piezas", "OLL-SET-05", 249_900, 329_900),
    p("Licuadora 600W", "LIC-600-01", 189_900, 0),
    p("Cafetera de goteo", "CAF-GOT-01", 119_000, 0),
    p("Café de origen Huila 500 g", "CAF-HUI-500", 32_000, 0),
    p("Audífonos inalámbricos", "AUD-INA-01", 159_900, 199_900),
    p("Celular gama media 128 GB", "CEL-GMM-128", 899_900, 999_900),
    p("Portátil 14\" 8 GB", "POR-14-8GB", 2_499_000, 2_799_000),
    p("Televisor 50\" 4K", "TEL-50-4K", 1_799_900, 0),
    p("Silla de oficina ergonómica", "SIL-OFI-01", 459_900, 0),
    p("Sábanas 140 hilos, doble", "SAB-140-D", 79_900, 0),
    p("Toalla de baño", "TOA-BAN-01", 25_900, 0),
    p("Perfume 100 ml", "PER-100-01", 289_000, 0),
    p("Balón de fútbol No. 5", "BAL-FUT-05", 69_900, 0),
    p(
        "Bicicleta urbana rin 26",
        "BIC-URB-26",
        1_249_000,
        1_399_000,
    ),
    p("Juego de mesa \"Parqués\"", "JUE-PAR-01", 54_900, 0),
    p("Crema hidratante 250 ml", "CRE-HID-250", 42_500, 0),
    p("Ventilador de pie", "VEN-PIE-01", 139_900, 0),
];

/// A place: (city, department code as Shopify writes it, department name, postal code).
pub(crate) struct Place {
    pub city: &'static str,
    pub province: &'static str,
    pub province_name: &'static str,
    pub zip: &'static str,
}

const fn c(
    city: &'static str,
    province: &'static str,
    province_name: &'static str,
    zip: &'static str,
) -> Place {
    Place {
        city,
        province,
        province_name,
        zip,
    }
}

/// Cities, weighted by repetition (Bogotá and Medellín dominate, as in real order books).
pub(crate) const PLACES: [Place; 26] = [
    c("Bogotá", "DC", "Bogotá, D.C.", "110111"),
    c("Bogotá", "DC", "Bogotá, D.C.", "110221"),
    c("Bogotá", "DC", "Bogotá, D.C.", "111321"),
    c("Bogotá", "DC", "Bogotá, D.C.", "110911"),
    c("Medellín", "ANT", "Antioquia", "050001"),
    c("Medellín", "ANT", "Antioquia", "050021"),
    c("Bello", "ANT", "Antioquia", "051050"),
    c("Cali", "VAC", "Valle del Cauca", "760001"),
    c("Cali", "VAC", "Valle del Cauca", "760042"),
    c("Barranquilla", "ATL", "Atlántico", "080001"),
    c("Cartagena de Indias", "BOL", "Bolívar", "130001"),
    c("Bucaramanga", "SAN", "Santander", "680001"),
    c("Pasto", "NAR", "Nariño", "520001"),
    c("Nariño", "NAR", "Nariño", "524001"),
    c("Cúcuta", "NSA", "Norte de Santander", "540001"),
    c("Pereira", "RIS", "Risaralda", "660001"),
    c("Ibagué", "TOL", "Tolima", "730001"),
    c("Manizales", "CAL", "Caldas", "170001"),
    c("Santa Marta", "MAG", "Magdalena", "470001"),
    c("Villavicencio", "MET", "Meta", "500001"),
    c("Montería", "COR", "Córdoba", "230001"),
    c("Popayán", "CAU", "Cauca", "190001"),
    c("Tunja", "BOY", "Boyacá", "150001"),
    c("Neiva", "HUI", "Huila", "410001"),
    c("Armenia", "QUI", "Quindío", "630001"),
    c("Soacha", "CUN", "Cundinamarca", "250051"),
];

pub(crate) const FIRST_NAMES: [&str; 20] = [
    "María José",
    "Juan Carlos",
    "Ana María",
    "Luis Fernando",
    "Sofía",
    "Andrés",
    "Valentina",
    "Camilo",
    "Daniela",
    "Santiago",
    "Mariana",
    "Sebastián",
    "Laura",
    "Julián",
    "Paola",
    "Jhon Jairo",
    "Isabella",
    "Óscar",
    "Natalia",
    "Nicolás",
];

pub(crate) const SURNAMES: [&str; 20] = [
    "Pérez",
    "Gómez",
    "Rodríguez",
    "Martínez",
    "López",
    "Hernández",
    "García",
    "Muñoz",
    "Castaño",
    "Ospina",
    "Zuluaga",
    "Peña",
    "Díaz",
    "Ramírez",
    "Vásquez",
    "Londoño",
    "Quiñónez",
    "Restrepo",
    "Mejía",
    "Ibáñez",
];

pub(crate) const STREET_KINDS: [&str; 6] = [
    "Calle",
    "Carrera",
    "Avenida",
    "Transversal",
    "Diagonal",
    "Avenida Calle",
];

pub(crate) const ADDRESS2: [&str; 5] = [
    "Apto 301",
    "Torre 2 Apto 502",
    "Casa 14",
    "Oficina 203",
    "Interior 4",
];

/// Order notes: plain, with a comma, with a newline, with quotes, with CRLF.
pub(crate) const NOTES: [&str; 6] = [
    "Dejar en portería, gracias",
    "Llamar antes de entregar\nTorre 2, apartamento 502",
    "Entregar después de las 5 p.m.",
    "Factura a nombre de \"Comercializadora Andina\"",
    "Pago en Efecty el lunes\r\nNo cancelar el pedido",
    "Regalo: no incluir factura",
];

pub(crate) const ADJUSTMENT_DEBITS: [&str; 3] = [
    "Retries Fees penalties by Processor for CO/USD",
    "Chargeback fee adjustment",
    "FX difference, previous settlement",
];

pub(crate) const ADJUSTMENT_CREDITS: [&str; 2] =
    ["Fee refund, duplicated charge", "Reversal of debit note"];
