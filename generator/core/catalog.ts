/**
 * Fixed vocabularies: categories with subcategories (median price, return rate) and regions. Regions are US
 * states by their full name, so that a US TopoJSON atlas (us-atlas) can map them.
 */

export interface Subcategory {
  readonly name: string;
  /** Nouns that end a product title. */
  readonly nouns: readonly string[];
}

export interface Category {
  readonly name: string;
  /** Share of sellers whose main category it is. */
  readonly weight: number;
  readonly medianPrice: number;
  /** Probability that a delivered line is returned, for an average seller. */
  readonly returnRate: number;
  /** Sold in sizes: returns are mostly about fit. */
  readonly sized?: boolean;
  readonly subcategories: readonly Subcategory[];
}

const sub = (name: string, ...nouns: string[]): Subcategory => ({ name, nouns });

export const CATEGORIES: readonly Category[] = [
  {
    name: 'Electronics',
    weight: 10,
    medianPrice: 85,
    returnRate: 0.1,
    subcategories: [
      sub('Phones & Accessories', 'Phone Case', 'Charger', 'Screen Protector'),
      sub('Computers', 'Laptop Stand', 'Keyboard', 'Monitor'),
      sub('Audio', 'Headphones', 'Bluetooth Speaker', 'Earbuds'),
      sub('Cameras', 'Camera Lens', 'Tripod', 'Action Camera'),
    ],
  },
  {
    name: 'Fashion',
    weight: 14,
    medianPrice: 38,
    returnRate: 0.22,
    sized: true,
    subcategories: [
      sub("Women's Clothing", 'Dress', 'Blouse', 'Cardigan'),
      sub("Men's Clothing", 'Shirt', 'Jacket', 'Chinos'),
      sub('Shoes', 'Sneakers', 'Boots', 'Sandals'),
      sub('Accessories', 'Handbag', 'Scarf', 'Belt'),
    ],
  },
  {
    name: 'Home & Kitchen',
    weight: 13,
    medianPrice: 42,
    returnRate: 0.08,
    subcategories: [
      sub('Cookware', 'Frying Pan', 'Saucepan', 'Knife Set'),
      sub('Furniture', 'Side Table', 'Bookshelf', 'Office Chair'),
      sub('Bedding', 'Duvet Cover', 'Pillow', 'Blanket'),
      sub('Decor', 'Vase', 'Wall Clock', 'Table Lamp'),
    ],
  },
  {
    name: 'Beauty & Personal Care',
    weight: 9,
    medianPrice: 22,
    returnRate: 0.05,
    subcategories: [
      sub('Skincare', 'Moisturizer', 'Serum', 'Cleanser'),
      sub('Makeup', 'Lipstick', 'Mascara', 'Foundation'),
      sub('Hair Care', 'Shampoo', 'Hair Dryer', 'Conditioner'),
      sub('Fragrance', 'Eau de Parfum', 'Body Mist', 'Cologne'),
    ],
  },
  {
    name: 'Sports & Outdoors',
    weight: 8,
    medianPrice: 40,
    returnRate: 0.09,
    subcategories: [
      sub('Fitness', 'Yoga Mat', 'Dumbbell Set', 'Resistance Bands'),
      sub('Camping', 'Tent', 'Sleeping Bag', 'Camping Stove'),
      sub('Cycling', 'Bike Helmet', 'Bike Light', 'Cycling Gloves'),
      sub('Team Sports', 'Soccer Ball', 'Basketball', 'Shin Guards'),
    ],
  },
  {
    name: 'Toys & Games',
    weight: 7,
    medianPrice: 26,
    returnRate: 0.06,
    subcategories: [
      sub('Board Games', 'Board Game', 'Card Game', 'Chess Set'),
      sub('Puzzles', 'Jigsaw Puzzle', 'Puzzle Cube', '3D Puzzle'),
      sub('Action Figures', 'Action Figure', 'Robot Toy', 'Figure Set'),
      sub('Educational', 'Science Kit', 'Building Blocks', 'Coding Robot'),
    ],
  },
  {
    name: 'Books',
    weight: 6,
    medianPrice: 16,
    returnRate: 0.04,
    subcategories: [
      sub('Fiction', 'Novel', 'Short Stories', 'Thriller'),
      sub('Non-fiction', 'Biography', 'History Book', 'Essay Collection'),
      sub("Children's Books", 'Picture Book', 'Activity Book', 'Bedtime Stories'),
      sub('Textbooks', 'Textbook', 'Study Guide', 'Workbook'),
    ],
  },
  {
    name: 'Health & Household',
    weight: 7,
    medianPrice: 19,
    returnRate: 0.04,
    subcategories: [
      sub('Vitamins', 'Multivitamin', 'Vitamin D', 'Protein Powder'),
      sub('Cleaning', 'Cleaning Spray', 'Microfiber Cloths', 'Mop'),
      sub('Personal Care', 'Electric Toothbrush', 'Razor', 'Hand Cream'),
      sub('Medical Supplies', 'First Aid Kit', 'Thermometer', 'Blood Pressure Monitor'),
    ],
  },
  {
    name: 'Garden & Tools',
    weight: 7,
    medianPrice: 48,
    returnRate: 0.07,
    subcategories: [
      sub('Power Tools', 'Cordless Drill', 'Circular Saw', 'Sander'),
      sub('Hand Tools', 'Screwdriver Set', 'Hammer', 'Wrench Set'),
      sub('Gardening', 'Garden Hose', 'Pruning Shears', 'Planter'),
      sub('Outdoor Lighting', 'Solar Lights', 'String Lights', 'Lantern'),
    ],
  },
  {
    name: 'Pet Supplies',
    weight: 6,
    medianPrice: 24,
    returnRate: 0.05,
    subcategories: [
      sub('Dog', 'Dog Bed', 'Dog Leash', 'Dog Toy'),
      sub('Cat', 'Cat Tree', 'Litter Box', 'Cat Toy'),
      sub('Fish & Aquatic', 'Aquarium Filter', 'Fish Tank', 'Aquarium Heater'),
      sub('Small Animals', 'Hamster Cage', 'Rabbit Hutch', 'Hay Feeder'),
    ],
  },
  {
    name: 'Automotive',
    weight: 6,
    medianPrice: 35,
    returnRate: 0.08,
    subcategories: [
      sub('Parts', 'Brake Pads', 'Air Filter', 'Spark Plugs'),
      sub('Car Accessories', 'Seat Cover', 'Phone Mount', 'Floor Mats'),
      sub('Tools & Equipment', 'Jump Starter', 'Tire Inflator', 'Socket Set'),
      sub('Car Care', 'Car Wax', 'Detailing Kit', 'Car Shampoo'),
    ],
  },
  {
    name: 'Grocery',
    weight: 7,
    medianPrice: 13,
    returnRate: 0.02,
    subcategories: [
      sub('Snacks', 'Trail Mix', 'Granola Bars', 'Chips'),
      sub('Beverages', 'Sparkling Water', 'Juice Pack', 'Energy Drink'),
      sub('Pantry', 'Olive Oil', 'Pasta', 'Spice Set'),
      sub('Coffee & Tea', 'Coffee Beans', 'Green Tea', 'Espresso Pods'),
    ],
  },
];

/** The 50 US states by full name (as the geo element's US map names them), weighted by population (millions, 2023 Census estimates). */
export const REGIONS: readonly { readonly name: string; readonly weight: number }[] = [
  { name: 'California', weight: 39.0 },
  { name: 'Texas', weight: 30.5 },
  { name: 'Florida', weight: 22.6 },
  { name: 'New York', weight: 19.6 },
  { name: 'Pennsylvania', weight: 13.0 },
  { name: 'Illinois', weight: 12.5 },
  { name: 'Ohio', weight: 11.8 },
  { name: 'Georgia', weight: 11.0 },
  { name: 'North Carolina', weight: 10.8 },
  { name: 'Michigan', weight: 10.0 },
  { name: 'New Jersey', weight: 9.3 },
  { name: 'Virginia', weight: 8.7 },
  { name: 'Washington', weight: 7.8 },
  { name: 'Arizona', weight: 7.4 },
  { name: 'Tennessee', weight: 7.1 },
  { name: 'Massachusetts', weight: 7.0 },
  { name: 'Indiana', weight: 6.9 },
  { name: 'Missouri', weight: 6.2 },
  { name: 'Maryland', weight: 6.2 },
  { name: 'Wisconsin', weight: 5.9 },
  { name: 'Colorado', weight: 5.9 },
  { name: 'Minnesota', weight: 5.7 },
  { name: 'South Carolina', weight: 5.4 },
  { name: 'Alabama', weight: 5.1 },
  { name: 'Louisiana', weight: 4.6 },
  { name: 'Kentucky', weight: 4.5 },
  { name: 'Oregon', weight: 4.2 },
  { name: 'Oklahoma', weight: 4.1 },
  { name: 'Connecticut', weight: 3.6 },
  { name: 'Utah', weight: 3.4 },
  { name: 'Iowa', weight: 3.2 },
  { name: 'Nevada', weight: 3.2 },
  { name: 'Arkansas', weight: 3.1 },
  { name: 'Mississippi', weight: 2.9 },
  { name: 'Kansas', weight: 2.9 },
  { name: 'New Mexico', weight: 2.1 },
  { name: 'Nebraska', weight: 2.0 },
  { name: 'Idaho', weight: 1.96 },
  { name: 'West Virginia', weight: 1.77 },
  { name: 'Hawaii', weight: 1.44 },
  { name: 'New Hampshire', weight: 1.4 },
  { name: 'Maine', weight: 1.4 },
  { name: 'Montana', weight: 1.13 },
  { name: 'Rhode Island', weight: 1.1 },
  { name: 'Delaware', weight: 1.03 },
  { name: 'South Dakota', weight: 0.92 },
  { name: 'North Dakota', weight: 0.78 },
  { name: 'Alaska', weight: 0.73 },
  { name: 'Vermont', weight: 0.65 },
  { name: 'Wyoming', weight: 0.58 },
];
