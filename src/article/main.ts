import './superposition-article';
